import type { MenuItemConstructorOptions } from 'electron';

/**
 * The desktop app's menu. Electron's default menu binds Ctrl + / Ctrl − / Ctrl 0 to page zoom, Ctrl R to
 * reload (an unsaved form would be lost) and Ctrl Shift I to DevTools. The app's own 字号 (rem base, set in
 * the page, remembered per PC) is the one way to make text larger, so those keys must reach the page; this
 * menu keeps only the editing commands (needed on macOS for copy and paste in text fields) and 退出.
 */
export function appMenuTemplate(): MenuItemConstructorOptions[] {
  return [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
  ];
}
