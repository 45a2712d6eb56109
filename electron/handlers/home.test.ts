import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { AppState } from './appState.js';
import { browserPlatform } from '../platform/browser.js';
import { invoke } from './router.js';
import type { HomeSummary } from '../../shared/contract/home.js';

const dir = mkdtempSync(join(tmpdir(), 'cadre-home-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('home.summary counts what is on file and leaves out the recycle bin', async () => {
  const app = new AppState(browserPlatform(join(dir, 'v.cdv')));
  expect((await invoke(app, 'vault.create', { path: join(dir, 'v.cdv'), password: 'Abcdefgh-123', operator: '王五', demo: true })).ok).toBe(true);
  const doc = app.requireSession().doc;
  const live = doc.cadres.length;
  const first = doc.cadres[0];
  expect((await invoke(app, 'cadre.delete', { id: first.id })).ok).toBe(true);
  const r = await invoke(app, 'home.summary', { refDate: '2026.01.15' });
  if (!r.ok) throw new Error(r.error.message);
  const s = r.value as HomeSummary;
  expect(s.cadres).toBe(live - 1);
  expect(s.villages).toBe(doc.villages.filter((v) => !v.deletedAt).length);
  expect(s.weakLax).toBe(doc.villages.filter((v) => v.weakLax?.status === '整顿中').length);
  expect(s.recent[0].summary).toContain(first.name);
  expect(s.recent[0]).not.toHaveProperty('before');
  app.dispose();
});
