/**
 * Accessibility gate (issue 19 item 6, standard 字号): axe-core scans every module of a 示例 vault, a cadre page and
 * an open dialog in several modules. Any serious or critical violation fails, listed by screen so the fix is findable.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { NAV_LABELS } from './a11yScreens';
import { createVault, expect, openModule, test } from './fixtures';

async function seriousViolations(page: Page, screen: string, include?: string): Promise<string[]> {
  // Let the page settle (data loaded, transitions finished) so axe sees what the user sees.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  if (process.env.A11Y_DETAIL) {
    for (const v of violations.filter((x) => x.id === 'color-contrast')) {
      const pairs = new Map<string, string>();
      for (const n of v.nodes) {
        const d = n.any[0]?.data as { fgColor: string; bgColor: string; contrastRatio: number; fontSize: string } | undefined;
        if (d) pairs.set(`${d.fgColor} on ${d.bgColor} ${d.contrastRatio} ${d.fontSize}`, n.target.join(' ') + ' ' + n.html.slice(0, 80));
      }
      for (const [k, t] of pairs) console.log(`  ${screen} ${k} :: ${t}`);
    }
  }
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ×${v.nodes.length} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('axe finds no serious or critical violation on any module, the cadre page or open dialogs', async ({ page, app }) => {
  test.setTimeout(300_000);
  await createVault(page, app, { demo: true });
  const found: string[] = [];
  for (const label of NAV_LABELS) {
    await openModule(page, label);
    // One level-one heading per page, naming the module (首页 is titled with the system's name).
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    found.push(...(await seriousViolations(page, label)));
  }
  console.log(found.join('\n'));
  expect(found).toEqual([]);
});
