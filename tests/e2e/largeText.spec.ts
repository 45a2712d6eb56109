/**
 * 字号 (issue 19 item 2): 设置 → 字号 and Ctrl + / − / 0 scale the whole UI, the choice survives a reload, and at 特大
 * on a 1366×768 screen every module holds: the page never scrolls sideways, no button or field is cut off by a box
 * that hides overflow (wide tables scroll in their own box), and dialogs fit the screen. Screenshots of each module at
 * 特大 go to test-results/large-text/ to be looked at.
 */
import type { Page } from '@playwright/test';
import { createVault, expect, openModule, test } from './fixtures.js';
import { DIALOGS } from './moduleDialogs.js';
import { NAV_LABELS } from './modules.js';


const rootFontSize = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

/** What a user at this size cannot reach or read: controls cut off by a clipping box, or a page wider than the window. */
async function layoutProblems(page: Page, screen: string): Promise<string[]> {
  return page.evaluate((screen) => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) problems.push(`${screen}: 页面横向溢出 ${doc.scrollWidth} > ${doc.clientWidth}`);
    const controls = document.querySelectorAll<HTMLElement>('button, input:not([type=hidden]), select, textarea, a[href], [role=tab], [role=checkbox]');
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      // Mantine hides the real radio/checkbox input under its drawn box; the drawn box is what is checked.
      if (el.tagName === 'INPUT' && getComputedStyle(el).opacity === '0') continue;
      const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || el.tagName).trim().slice(0, 20);
      if (r.right > window.innerWidth + 1) {
        // Beyond the window's right edge and the page does not scroll there: only fine inside a scrolling box.
        let scroller: HTMLElement | null = el.parentElement;
        while (scroller && !(/(auto|scroll)/.test(getComputedStyle(scroller).overflowX) && scroller.scrollWidth > scroller.clientWidth)) scroller = scroller.parentElement;
        if (!scroller) problems.push(`${screen}: “${name}” 超出窗口右边 (${Math.round(r.right)} > ${window.innerWidth})`);
        continue;
      }
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const cs = getComputedStyle(a);
        // Inside a box that scrolls (a list, a ScrollArea's viewport) the control is reached by scrolling it.
        if (/(auto|scroll)/.test(cs.overflowY) || /(auto|scroll)/.test(cs.overflowX)) break;
        const clipsX = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
        const clipsY = cs.overflowY === 'hidden' || cs.overflowY === 'clip';
        if (!clipsX && !clipsY) continue;
        const b = a.getBoundingClientRect();
        // A box that hides its overflow without scrolling cuts the control off.
        if ((clipsX && (r.left < b.left - 1 || r.right > b.right + 1)) || (clipsY && (r.top < b.top - 1 || r.bottom > b.bottom + 1))) {
          problems.push(`${screen}: “${name}” 被裁切 (${a.className.toString().slice(0, 40)})`);
          break;
        }
      }
    }
    // A status word in a badge (已结束, 软弱涣散 2025) must be read whole, never cut to “已…”.
    for (const b of document.querySelectorAll<HTMLElement>('.mantine-Badge-label')) {
      if (b.getClientRects().length && b.scrollWidth > b.clientWidth + 1) problems.push(`${screen}: 标签“${b.textContent}”显示不全`);
    }
    for (const d of document.querySelectorAll<HTMLElement>('[role=dialog]')) {
      const r = d.getBoundingClientRect();
      if (r.width > window.innerWidth + 1) problems.push(`${screen}: 对话框比窗口宽 (${Math.round(r.width)} > ${window.innerWidth})`);
    }
    return [...new Set(problems)];
  }, screen);
}

test('字号 is chosen in 设置 or with Ctrl + / − / 0, scales the UI and is remembered after a reload', async ({ page, app }) => {
  await createVault(page, app);
  expect(await rootFontSize(page)).toBe('16px');
  const header = page.getByRole('banner');
  const standardHeight = (await header.boundingBox())!.height;

  await openModule(page, '设置');
  await page.getByRole('radiogroup', { name: '字号' }).getByText('特大', { exact: true }).click();
  expect(await rootFontSize(page)).toBe('20px');
  // The shell grows with the text (Mantine sizes are rem), not just the letters.
  expect((await header.boundingBox())!.height).toBeGreaterThan(standardHeight * 1.2);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  expect(await rootFontSize(page)).toBe('20px');
  await expect(page.getByRole('radiogroup', { name: '字号' }).getByRole('radio', { name: '特大' })).toBeChecked();

  await page.locator('body').press('Control+Minus');
  expect(await rootFontSize(page)).toBe('18px');
  await expect(page.getByRole('radiogroup', { name: '字号' }).getByRole('radio', { name: '大', exact: true })).toBeChecked();
  await page.locator('body').press('Control+0');
  expect(await rootFontSize(page)).toBe('16px');
  await page.locator('body').press('Control+Equal');
  await page.locator('body').press('Control+Equal');
  await page.locator('body').press('Control+Equal');
  // 特大 is the largest; a further Ctrl + stays there.
  expect(await rootFontSize(page)).toBe('20px');
});

test('at 特大 on a 1366×768 screen every module and its dialog fits: nothing cut off, no sideways page scroll', async ({ page, app }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await createVault(page, app, { demo: true });
  await page.locator('body').press('Control+Equal');
  await page.locator('body').press('Control+Equal');
  expect(await rootFontSize(page)).toBe('20px');
  const problems: string[] = [];
  for (const [i, label] of NAV_LABELS.entries()) {
    await openModule(page, label);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: test.info().outputPath(`${String(i).padStart(2, '0')}-${label}.png`) });
    problems.push(...(await layoutProblems(page, label)));
  }
  for (const [i, [module, what, open]] of DIALOGS.entries()) {
    await openModule(page, module);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await open(page);
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: test.info().outputPath(`d${String(i).padStart(2, '0')}-${module}-${what}.png`) });
    problems.push(...(await layoutProblems(page, `${module} › ${what}`)));
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  }
  expect(problems).toEqual([]);
});
