import { readFileSync } from 'node:fs';
import type { VaultDocument } from '../../../shared/domain/document.js';
import { verifyAudit } from '../../store/audit.js';
import { backupPath, listBackups } from '../../vault/backups.js';
import { readHeader } from '../../vault/format.js';
import { readVault } from '../../vault/vault.js';
import { verifyAttachments } from '../../attachments/verifyText.js';
import { mbText } from '../../../shared/domain/attachment.js';
import { vaultPathArg } from '../common.js';
import { readPassword, report } from '../io.js';
import type { Command } from '../command.js';

const COLLECTIONS = {
  cadres: '干部',
  villages: '村（社区）',
  shadowBatches: '跟班批次',
  shadowPlacements: '跟班安排',
  experts: '智库专家',
  mentorPairs: '智库结对',
  villagePairs: '村居结对',
  crossPilots: '跨村任职试点',
  crossCandidates: '跨村任职人选',
  importBatches: '导入批次',
  attachments: '附件',
} as const satisfies Partial<Record<keyof VaultDocument, string>>;

export const verifyCommand: Command = {
  usage: '<档案库文件>   解密检查、核对审计记录链、统计记录数；不通过时退出码为 1',
  async run(args) {
    const path = vaultPathArg(args);
    const password = await readPassword();
    // Reading only: no lock taken, so verify also works while the app has the vault open.
    const { doc, header } = await readVault(path, password);
    const audit = verifyAudit(doc.audit);
    const counts: Record<string, { total: number; deleted: number }> = {};
    for (const key of Object.keys(COLLECTIONS) as (keyof typeof COLLECTIONS)[]) {
      const list = (doc[key] ?? []) as { deletedAt?: string }[];
      counts[key] = { total: list.length, deleted: list.filter((r) => r.deletedAt).length };
    }
    // Backups may have older passwords, so only their frame (not their content) is checked here.
    const backups = listBackups(path).map((b) => {
      try {
        readHeader(readFileSync(backupPath(path, b.file)));
        return { ...b, intact: true };
      } catch {
        return { ...b, intact: false };
      }
    });
    const damagedBackups = backups.filter((b) => !b.intact).map((b) => b.file);
    // Every attachment's tag and hash, each problem named by cadre and 材料名称.
    const attachments = verifyAttachments(path, doc);
    const ok = audit.ok && attachments.problems.length === 0;
    const lines = [
      ok ? `检查通过：${path}` : `检查不通过：${path}`,
      `保存时间：${header.savedAt}　数据版本：${doc.schemaVersion}${doc.meta.demo ? '　（示例数据）' : ''}`,
      audit.message,
      ...Object.entries(COLLECTIONS).map(([k, label]) => `${label}：${counts[k].total} 条${counts[k].deleted ? `（其中已删除 ${counts[k].deleted}）` : ''}`),
      `备份：${backups.length} 份${damagedBackups.length ? `，其中 ${damagedBackups.length} 份已损坏：${damagedBackups.join('、')}` : ''}`,
      `附件文件：检查 ${attachments.checked} 个（${mbText(attachments.bytes)}）${attachments.problems.length ? `，${attachments.problems.length} 个有问题：` : '，全部完好'}`,
      ...attachments.problems.map((p) => `  ${p.message}`),
    ];
    report(args.json, { ok, path, savedAt: header.savedAt, schemaVersion: doc.schemaVersion, demo: doc.meta.demo, audit, counts, backups: backups.length, damagedBackups, attachments: { checked: attachments.checked, bytes: attachments.bytes, problems: attachments.problems.map(({ id, cadreId, title, problem, message }) => ({ id, cadreId, title, problem, message })) } }, lines.join('\n'));
    return ok ? 0 : 1;
  },
};
