/**
 * Keyboard-only journeys (issue 19 item 4): after the vault is set up, every step is done with page.keyboard alone —
 * Tab / Shift+Tab to move, Enter / Space to press, typing to fill — no mouse. Along the way: whatever holds the focus
 * shows a visible ring, and a dialog keeps the focus inside while open and gives it back to the button that opened it.
 */
import type { Page } from '@playwright/test';
import { makeIdNumber } from '../../electron/demo/generate.js';
import { api, createVault, expect, PASSWORD, test } from './fixtures.js';
import { messyRosterRows, sheetFrom, workbookBytes } from '../fixtures/roster.js';

interface Focused {
  tag: string;
  name: string;
  inDialog: boolean;
  ring: boolean;
}

/** What has the focus: its accessible name (roughly as a screen reader would say it), and whether its ring shows. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'BODY', name: '', inDialog: false, ring: false };
    const labelled = el.getAttribute('aria-labelledby');
    const input = el as HTMLInputElement;
    const name = (
      el.getAttribute('aria-label') ||
      (labelled && document.getElementById(labelled)?.textContent) ||
      (input.labels && input.labels[0]?.textContent) ||
      el.textContent ||
      el.getAttribute('title') ||
      ''
    ).replace(/\s+/g, ' ').trim();
    // Mantine draws some controls over a see-through input (segmented control, chip): the ring is on what is drawn.
    const drawn = getComputedStyle(el).opacity === '0' ? ((el.nextElementSibling as HTMLElement | null) ?? el) : el;
    const cs = getComputedStyle(drawn);
    const ring = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
    return { tag: el.tagName, name, inDialog: !!el.closest('[role=dialog]'), ring };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focus is on what `wanted` names; fails, naming the target, when it is not
 * reached within `max` presses — which is what a control Tab skips over looks like.
 */
async function tabTo(page: Page, wanted: string | RegExp | ((f: Focused) => boolean), opts: { back?: boolean; max?: number } = {}): Promise<Focused> {
  const match = typeof wanted === 'function' ? wanted : (f: Focused) => (typeof wanted === 'string' ? f.name === wanted : wanted.test(f.name));
  for (let i = 0; i < (opts.max ?? 80); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (match(f)) {
      expect(f.ring, `焦点在“${f.name}”上时应有可见的焦点框`).toBe(true);
      return f;
    }
  }
  throw new Error(`按 Tab 仍到不了“${String(wanted)}”`);
}

/** Moves to a module through the navigation links. */
async function goToModule(page: Page, label: string): Promise<void> {
  await tabTo(page, (f) => f.tag === 'A' && f.name === label);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(label === '首页' ? '村干部培育管理' : label);
}

/** While a dialog is open, Tab and Shift+Tab go round inside it and never reach the page behind. */
async function expectFocusTrapped(page: Page): Promise<void> {
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(key);
      const f = await focused(page);
      expect(f.inDialog, `对话框打开时按 ${key}，焦点跑到了对话框外的“${f.name}”`).toBe(true);
    }
  }
}

test('keyboard only: unlock, find a cadre by pinyin, edit and save, print preview (focus trapped and returned)', async ({ page, app }) => {
  test.setTimeout(300_000);
  await createVault(page, app);
  const village = await api<{ id: string }>(app, 'village.create', { data: { name: '金榜社区', townCode: '440606005', kind: '社区' } });
  let seq = 61;
  for (const [name, year, male] of [['陈志强', 1975, true], ['王建国', 1968, true], ['李华', 1985, false]] as const) {
    await api(app, 'cadre.create', { data: { name, sex: male ? '男' : '女', birth: `${year}.05`, idNumber: makeIdNumber(year, 5, 10, male, seq++), villageId: village.id, villagePost: '党组织委员' } });
  }
  await api(app, 'vault.lock', {});
  await page.goto(app.bridge.openUrl);

  // Unlock: the password field has the focus; Enter submits.
  await expect(page.getByRole('heading', { level: 1, name: '解锁档案库' })).toBeVisible();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '锁定' })).toBeVisible({ timeout: 60_000 });

  // Find 王建国 by his pinyin initials: `/` to the search box, type, Enter opens the first match.
  await goToModule(page, '干部档案');
  await page.keyboard.press('/');
  await page.keyboard.type('wjg');
  await expect(page.getByTestId('cadre-count')).toContainText('显示 1 人');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '王建国' })).toBeVisible();

  // Edit and save: Tab to 编辑, Enter, Tab to 联系电话, type, Ctrl+S.
  await tabTo(page, '编辑');
  await page.keyboard.press('Enter');
  await expect(page.getByText('编辑中')).toBeVisible();
  await tabTo(page, '联系电话');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('13800138000');
  await page.keyboard.press('Control+S');
  await expect(page.getByText('编辑中')).toBeHidden();
  const [wang] = (await api<Array<{ id: string; name: string }>>(app, 'cadre.list', {})).filter((c) => c.name === '王建国');
  expect((await api<{ phone: string }>(app, 'cadre.get', { id: wang.id })).phone).toBe('13800138000');

  // Print preview: opens in a dialog that holds the focus; Esc closes it and the focus is back on 打印审批表.
  await tabTo(page, '打印审批表', { back: true });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTitle('打印预览')).toBeVisible();
  expect((await focused(page)).inDialog).toBe(true);
  await expectFocusTrapped(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await focused(page)).name).toBe('打印审批表');

  // The shortcut list opens with ? and also gives the focus back when closed.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: '键盘快捷键' })).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('row', { name: /Ctrl \+ S/ })).toContainText('保存');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  expect((await focused(page)).name).toBe('打印审批表');
});

test('keyboard only: import a 花名册 through to commit', async ({ page, app }) => {
  test.setTimeout(300_000);
  await createVault(page, app);
  await api(app, 'village.create', { data: { name: '水藤村', townCode: '440606005' } });

  // Listen for the file dialog well before Enter: Playwright turns interception on with a message it does not wait for,
  // and on a loaded machine a listener added just before the key press could miss the dialog.
  const chooser = page.waitForEvent('filechooser', { timeout: 120_000 });
  await goToModule(page, '导入导出');
  await tabTo(page, '选择花名册文件…');
  await expect(page.locator(':focus')).toHaveText('选择花名册文件…');
  // Enter on the button opens the system's file dialog; choosing the file there is the operating system's part.
  await page.keyboard.press('Enter');
  const { rows, merges } = messyRosterRows();
  await (await chooser).setFiles({ name: '大良街道花名册.xlsx', mimeType: 'application/octet-stream', buffer: workbookBytes({ 花名册: sheetFrom(rows, merges) }) });
  await expect(page.getByText(/工作表“花名册”，表头在第 \d+ 行/)).toBeVisible();

  // Past the column mapping and the preview tabs to the import button.
  const go = await tabTo(page, /^导入 \d+ 人/, { max: 200 });
  const count = Number(/导入 (\d+) 人/.exec(go.name)![1]);
  expect(count).toBeGreaterThan(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('import-result')).toContainText(`新建 ${count} 人`);
  expect(await api<unknown[]>(app, 'cadre.list', {})).toHaveLength(count);
});

test('keyboard only: open a 跨村任职 pilot, compare three, record a step', async ({ page, app }) => {
  test.setTimeout(400_000);
  await createVault(page, app, { demo: true });

  await goToModule(page, '跨村任职');
  // A pilot row is focusable and opens with Enter.
  const row = await tabTo(page, (f) => f.tag === 'TR');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(row.name.split(' ')[0].slice(0, 2));
  await expect(page.getByRole('table', { name: '推荐人选' })).toBeVisible();

  // Tick three of the suggested people with Space.
  const picked: string[] = [];
  while (picked.length < 3) {
    const f = await tabTo(page, (x) => x.name.startsWith('比较 ') && !picked.includes(x.name));
    await page.keyboard.press('Space');
    picked.push(f.name);
  }
  await expect(page.getByText('已选 3 人')).toBeVisible();
  await tabTo(page, '比较所选', { back: true, max: 120 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '人选比较（3 人）' })).toBeVisible();
  for (const name of picked) await expect(page.getByRole('grid', { name: '人选比较' })).toContainText(name.replace('比较 ', ''));

  // Back to the pilot, put the first suggested person on the list, and record 提名.
  await tabTo(page, '← 返回试点');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: '推荐人选' })).toBeVisible();
  await tabTo(page, '列入人选', { max: 200 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: '人选名单' })).toBeVisible();
  // The pressed button became “已列入”; the list above is reached going back.
  await tabTo(page, '下一步', { back: true, max: 200 });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('记录下一步');
  expect((await focused(page)).inDialog).toBe(true);
  await expectFocusTrapped(page);
  await tabTo(page, '确认提名');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: '人选名单' }).getByText('提名', { exact: true })).toBeVisible();
});
