/**
 * electron-builder afterPack hook: flips Electron's fuses in the packed binary, before signing.
 *   RunAsNode off                       – the app binary cannot be used as a plain `node`
 *   EnableNodeOptionsEnvironmentVariable off – NODE_OPTIONS cannot inject code
 *   EnableNodeCliInspectArguments off   – no --inspect debugger attach to read the key in memory
 *   EnableEmbeddedAsarIntegrityValidation on – a modified app.asar refuses to load
 *     (enforced on Windows and macOS; Linux Electron ignores it)
 *   OnlyLoadAppFromAsar on              – no loose `app/` folder can replace the asar
 *   GrantFileProtocolExtraPrivileges off – file:// pages get no extra powers (the app loads
 *     only from app://, so nothing needs them)
 *   EnableCookieEncryption on           – cookies on disk are encrypted with the OS keystore
 *     (the app sets none; this only closes the door)
 */
const path = require('node:path');

/** Where the Electron executable is inside the packed app folder (same rule as electron-builder). */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'linux') return path.join(appOutDir, packager.executableName);
  const ext = { win32: '.exe', darwin: '.app', mas: '.app' }[electronPlatformName] ?? '';
  return path.join(appOutDir, `${packager.appInfo.productFilename}${ext}`);
}

function fuseConfig({ FuseVersion, FuseV1Options }) {
  return {
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
  };
}

/** `loadFuses` is there for the unit test; electron-builder calls the hook with the context only. */
async function afterPack(context, loadFuses = () => import('@electron/fuses')) {
  const fuses = await loadFuses();
  const binary = electronBinaryPath(context);
  await fuses.flipFuses(binary, fuseConfig(fuses));
  console.log(`  • fuses flipped in ${binary}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.electronBinaryPath = electronBinaryPath;
module.exports.fuseConfig = fuseConfig;
