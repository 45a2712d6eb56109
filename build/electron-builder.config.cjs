/**
 * Installers: `npm run dist`. Packaging downloads the Electron runtime, so it cannot run on the
 * offline machines; electron/main/packaging.test.ts checks this file and the fuse hook instead.
 * @type {import('electron-builder').Configuration}
 */
module.exports = {
  appId: 'cn.gov.shunde.cadredesk',
  productName: '村干部培育管理',
  copyright: '顺德区委组织部',
  directories: { output: 'release', buildResources: 'build' },
  // Only the built app: compiled main/preload/handlers and the bundled renderer. No sources,
  // no type output, no source maps (they would ship our code paths to every PC for nothing).
  files: ['dist/**', 'package.json', '!dist/types/**', '!dist/tsbuildinfo/**', '!dist/node/**/testing/**', '!**/*.map', '!**/*.d.ts'],
  asar: true,
  // ASCII artifact names: installers travel on USB sticks and intranet shares with old file systems.
  artifactName: 'cadre-desk-${version}-${os}-${arch}.${ext}',
  electronLanguages: ['zh-CN', 'en-US'],
  // Fuses are flipped by our own hook (not `electronFuses`) so the set is reviewed in one place.
  afterPack: './build/afterPack.cjs',
  publish: null,
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['zh_CN'],
    language: '2052',
    shortcutName: '村干部培育管理',
    uninstallDisplayName: '村干部培育管理',
    // The vault lives in the user's documents, never in the install folder: uninstall keeps it.
    deleteAppDataOnUninstall: false,
  },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ],
    executableName: 'cadre-desk',
    category: 'Office',
    synopsis: '村干部培育管理',
    description: '顺德区村（社区）干部档案、书记跟班、智库结对、跨村任职管理（离线、加密）',
    maintainer: '顺德区委组织部 <cadre-desk@localhost>',
  },
  deb: { packageName: 'cadre-desk' },
};
