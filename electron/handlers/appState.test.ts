/** Auto-lock after idle time, with fake timers: the key is dropped and the renderer is told. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../shared/contract/index.js';
import { emptyDocument } from '../../shared/domain/document.js';
import { Session } from '../store/session.js';
import { OpenVault } from '../vault/vault.js';
import { AppState } from './appState.js';
import { browserPlatform } from '../platform/browser.js';
import { invoke } from './router.js';

const dir = mkdtempSync(join(tmpdir(), 'cadre-idle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function unlocked(autoLockMinutes?: number) {
  const doc = emptyDocument();
  if (autoLockMinutes) doc.settings.autoLockMinutes = autoLockMinutes;
  const vault = await OpenVault.create(join(dir, `v${++n}.cdv`), 'idle-test-pass', doc);
  const app = new AppState(browserPlatform(vault.path));
  const events: AppEvent[] = [];
  app.events.on('event', (e: AppEvent) => events.push(e));
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
  app.open(new Session(vault, '李组织'));
  return { app, vault, events };
}

beforeEach(() => vi.useRealTimers());
afterEach(() => vi.useRealTimers());

const MIN = 60_000;

describe('auto-lock', () => {
  it('locks after the default 15 idle minutes, drops the key and tells the renderer', async () => {
    const { app, vault, events } = await unlocked();
    await vi.advanceTimersByTimeAsync(14 * MIN);
    expect(app.session).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1.5 * MIN);
    expect(app.session).toBeNull();
    expect(events).toEqual([{ type: 'locked', reason: 'idle' }]);
    expect(() => app.requireSession()).toThrow('档案库已锁定，请先解锁');
    // The vault object itself can no longer save: its key was wiped.
    expect(() => vault.save()).toThrow('档案库已锁定');
  });

  it('every contract call counts as activity', async () => {
    const { app, events } = await unlocked();
    for (let i = 0; i < 4; i++) {
      await vi.advanceTimersByTimeAsync(10 * MIN);
      expect((await invoke(app, 'vault.status', {})).ok).toBe(true);
    }
    expect(app.session).not.toBeNull();
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(16 * MIN);
    expect(app.session).toBeNull();
    // What the renderer gets from the next call: a LOCKED error, which sends it to the unlock screen.
    const after = await invoke(app, 'settings.get', {});
    expect(after).toEqual({ ok: false, error: { code: 'LOCKED', message: '档案库已锁定，请先解锁' } });
  });

  it('uses the configured idle minutes', async () => {
    const { app, events } = await unlocked(5);
    await vi.advanceTimersByTimeAsync(4 * MIN);
    expect(app.session).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1.5 * MIN);
    expect(app.session).toBeNull();
    expect(events).toEqual([{ type: 'locked', reason: 'idle' }]);
  });

  it('locking on demand says manual and stops the idle timer', async () => {
    const { app, events } = await unlocked();
    app.lock('manual');
    await vi.advanceTimersByTimeAsync(60 * MIN);
    expect(events).toEqual([{ type: 'locked', reason: 'manual' }]);
  });
});
