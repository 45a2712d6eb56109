import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppState } from './appState.js';
import { browserPlatform } from '../platform/browser.js';
import { invoke } from './router.js';
import { id18, TEST_PASSWORD, useTestApp } from '../../tests/fixtures/testApp.js';

const dir = mkdtempSync(join(tmpdir(), 'cadre-vault-handlers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vault handlers', () => {
  it('unlocking again in the same app keeps the vault writable', async () => {
    const app = new AppState(browserPlatform(join(dir, 'a.cdv')));
    const created = await invoke(app, 'vault.create', { path: join(dir, 'a.cdv'), password: 'Abcdefgh-123', operator: '张三' });
    expect(created.ok).toBe(true);
    const again = await invoke(app, 'vault.unlock', { password: 'Abcdefgh-123', operator: '李四' });
    expect(again).toMatchObject({ ok: true, value: { unlocked: true, readOnly: false, operator: '李四' } });
    const saved = await invoke(app, 'settings.update', { autoLockMinutes: 7 });
    expect(saved).toMatchObject({ ok: true, value: { autoLockMinutes: 7 } });
    app.dispose();
  });

  it('a wrong password on unlock is told apart from a missing vault', async () => {
    const app = new AppState(browserPlatform(join(dir, 'b.cdv')));
    await invoke(app, 'vault.create', { path: join(dir, 'b.cdv'), password: 'Abcdefgh-123', operator: '张三' });
    app.lock('manual');
    expect(await invoke(app, 'vault.unlock', { password: 'wrong-one', operator: '张三' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD', message: '密码错误' } });
    expect(await invoke(app, 'vault.unlock', { path: join(dir, 'none.cdv'), password: 'x', operator: '张三' })).toMatchObject({ ok: false, error: { code: 'NO_VAULT' } });
    app.dispose();
  });

  it('refuses a contract call whose input does not fit, with a Chinese message', async () => {
    const app = new AppState(browserPlatform(join(dir, 'c.cdv')));
    const r = await invoke(app, 'vault.create', { path: join(dir, 'c.cdv'), password: 'short', operator: '张三' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID', message: '密码至少 8 位' } });
    expect(await invoke(app, 'no.such.method', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});

describe('unlocking again in the same app (another official takes over)', () => {
  const t = useTestApp('cadre-unlock-again-');

  it('keeps an edit the session had only in its 修改日志', async () => {
    const c = await t.call('cadre.create', { data: { name: '王建国', sex: '男', birth: '1975.03', idNumber: id18('19750312', '013') } });
    await t.call('vault.unlock', { password: TEST_PASSWORD, operator: '陈志强' });
    expect((await t.call('cadre.get', { id: c.id })).name).toBe('王建国');
  });
});
