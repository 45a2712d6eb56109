/** The dialogs the accessibility gate and the 特大 layout check open: one per module that has one. */
import type { Page } from '@playwright/test';
import { messyRosterRows, sheetFrom, workbookBytes } from '../fixtures/roster.js';

export type Opener = (page: Page) => Promise<void>;
export const clickMain = (button: string): Opener => (page) => page.getByRole('main').getByRole('button', { name: button, exact: true }).first().click();

/**
 * One open dialog per module (form dialogs hold the most inputs to label). 结构分析 and 操作日志 open no dialog of their
 * own; the `?` shortcut list, which opens on every page, is scanned on 首页.
 */
export const DIALOGS: Array<[module: string, what: string, open: Opener]> = [
  ['首页', '快捷键说明（?）', (page) => page.keyboard.press('?')],
  ['干部档案', '批量打印审批表', clickMain('批量打印审批表')],
  ['村居信息', '新建村（社区）', clickMain('新建村（社区）')],
  ['村居信息', '批量添加', clickMain('批量添加')],
  ['书记跟班', '新建期次', clickMain('新建期次')],
  ['智库结对', '新建结对', clickMain('新建结对')],
  ['跨村任职', '新建试点', clickMain('新建试点')],
  ['村居结对', '新建结对', clickMain('新建结对')],
  [
    '导入导出',
    '保存为导入模板',
    async (page) => {
      const { rows, merges } = messyRosterRows();
      await page.locator('input[type=file][accept*=".xlsx"]').setInputFiles({ name: '花名册.xlsx', mimeType: 'application/octet-stream', buffer: workbookBytes({ 花名册: sheetFrom(rows, merges) }) });
      await clickMain('保存为导入模板')(page);
    },
  ],
  ['设置', '从备份恢复…', clickMain('从备份恢复…')],
];
