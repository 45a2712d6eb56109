/** What the desktop shell remembers between runs: kept across restarts, never a reason not to start. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileShellMemory } from './shellMemory.js';

const dir = mkdtempSync(join(tmpdir(), 'cadre-shell-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('shell memory', () => {
  it('remembers the last folder per kind of file and the last vault across a restart', () => {
    const file = join(dir, 'userData', 'shell-settings.json');
    const first = fileShellMemory(file);
    first.rememberFolder('excel', '/home/li/导出');
    first.rememberFolder('pdf', '/media/usb');
    first.rememberVault('/home/li/档案/大良.cdv');
    const again = fileShellMemory(file);
    expect(again.folder('excel')).toBe('/home/li/导出');
    expect(again.folder('pdf')).toBe('/media/usb');
    expect(again.folder('zip')).toBeUndefined();
    expect(again.lastVault()).toBe('/home/li/档案/大良.cdv');
  });

  it('a damaged settings file means nothing remembered, and is replaced whole on the next change', () => {
    const file = join(dir, 'damaged.json');
    writeFileSync(file, '{"folders": {"excel": ');
    const memory = fileShellMemory(file);
    expect(memory.folder('excel')).toBeUndefined();
    expect(memory.lastVault()).toBeUndefined();
    memory.rememberFolder('vault', '/data');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ folders: { vault: '/data' } });
  });

  it('a settings file that cannot be written only means the folder is not remembered', () => {
    const memory = fileShellMemory(join(dir, 'not-a-folder.json', 'x', 'shell-settings.json'));
    writeFileSync(join(dir, 'not-a-folder.json'), '');
    expect(() => memory.rememberFolder('pdf', '/tmp')).not.toThrow();
    expect(memory.folder('pdf')).toBe('/tmp');
  });
});
