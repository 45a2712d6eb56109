// @vitest-environment jsdom
/**
 * Where an export goes: in the desktop app the bytes go back to the privileged side, which shows
 * the save dialog (the page names no folder); in browser mode the browser downloads them.
 */
import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => {
  delete window.cadreDesk;
  vi.resetModules();
});

it('the desktop app hands the file to file.save, and a cancelled dialog is not a saved file', async () => {
  const calls: unknown[][] = [];
  const answers = [{ ok: true, value: { saved: true, path: 'D:\\导出\\花名册.xlsx' } }, { ok: true, value: { saved: false } }];
  window.cadreDesk = { invoke: (...a: unknown[]) => (calls.push(a), Promise.resolve(answers.shift()!)), onEvent: () => () => undefined };
  const { saveBytes } = await import('./client');
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
  expect(await saveBytes('花名册.xlsx', 'AAEC')).toBe(true);
  expect(await saveBytes('花名册.xlsx', 'AAEC')).toBe(false);
  expect(calls).toEqual([
    ['file.save', { fileName: '花名册.xlsx', base64: 'AAEC' }],
    ['file.save', { fileName: '花名册.xlsx', base64: 'AAEC' }],
  ]);
  expect(click).not.toHaveBeenCalled();
});

it('browser mode downloads the file through a link', async () => {
  URL.createObjectURL = () => 'blob:x';
  URL.revokeObjectURL = () => undefined;
  const { saveBytes } = await import('./client');
  let downloaded = '';
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloaded = this.download;
  });
  expect(await saveBytes('审批表.pdf', 'JVBERg==', 'application/pdf')).toBe(true);
  expect(downloaded).toBe('审批表.pdf');
});
