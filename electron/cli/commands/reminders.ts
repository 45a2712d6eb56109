import { AppError } from '../../../shared/contract/define.js';
import { parseDay, today } from '../../../shared/rules/dates.js';
import { reminders } from '../../../shared/rules/reminders.js';
import { readVault } from '../../vault/vault.js';
import { vaultPathArg } from '../common.js';
import { readPassword, report } from '../io.js';
import type { Command } from '../command.js';

export const remindersCommand: Command = {
  usage: '<档案库文件> [--on 2026.12.03]   列出截至该日的提醒（与“提醒”页相同，已处理和暂缓中的不列出）',
  async run(args) {
    const path = vaultPathArg(args);
    const raw = args.flags.on;
    if (raw === true) throw new AppError('INVALID', '--on 后请写日期，例如 --on 2026.12.03');
    const day = raw === undefined ? { ok: true as const, value: today() } : parseDay(raw, '--on ');
    if (!day.ok) throw new AppError('INVALID', day.message);
    const password = await readPassword();
    // Reading only: no lock taken, so this works while the app has the vault open.
    const { doc } = await readVault(path, password);
    const items = reminders(doc, day.value, doc.settings).map(({ kind, due, urgency, message, cadreId, villageId }) => ({
      kind, due, urgency, message, ...(cadreId ? { cadreId } : {}), ...(villageId ? { villageId } : {}),
    }));
    const text = items.length
      ? [`截至 ${day.value} 共 ${items.length} 项提醒：`, ...items.map((r) => `[${r.urgency}] ${r.kind}　${r.due}　${r.message}`)].join('\n')
      : `截至 ${day.value} 没有提醒。`;
    report(args.json, items, text);
    return 0;
  },
};
