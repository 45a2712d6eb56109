import type { BrowserWindowConstructorOptions } from 'electron';

/** The command-line switch support staff give an installed app to open DevTools. */
export const DEVTOOLS_SWITCH = '--enable-devtools';

/**
 * DevTools read the page's memory and can call the contract as the page: off in the installed
 * app, on in development, and on in an installed app only when started with the switch.
 */
export function devToolsAllowed(isPackaged: boolean, argv: readonly string[]): boolean {
  return !isPackaged || argv.includes(DEVTOOLS_SWITCH);
}

/** The only window configuration the app uses; unit-tested so nobody loosens it by accident. */
export function windowOptions(preloadPath: string, opts: { devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '村干部培育管理',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click on a link would otherwise open it in a new window (denied anyway).
      disableBlinkFeatures: 'Auxclick',
      devTools: opts.devTools,
    },
  };
}
