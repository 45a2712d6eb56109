/**
 * Packaging cannot run here (it downloads Electron), so the installer config and the fuse hook
 * are checked as data: the targets officials install from, and the fuses that harden the binary.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@electron/fuses', async (importOriginal) => {
  const real = await importOriginal<typeof import('@electron/fuses')>();
  return { ...real, flipFuses: vi.fn(() => Promise.resolve(5)) };
});

const require = createRequire(import.meta.url);
const config = require('../../build/electron-builder.config.cjs');
const afterPack = require('../../build/afterPack.cjs');

type Target = { target: string; arch: string[] };

describe('electron-builder config', () => {
  it('names the app and packs only the built files into an asar, publishing nowhere', () => {
    expect(config.appId).toBe('cn.gov.shunde.cadredesk');
    expect(config.productName).toBe('村干部培育管理');
    expect(config.files).toContain('dist/**');
    expect(config.files.filter((f: string) => !f.startsWith('!') && !f.startsWith('dist/') && f !== 'package.json')).toEqual([]);
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
  });

  it('builds Windows NSIS x64 and Linux AppImage + deb for x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    const linux = Object.fromEntries((config.linux.target as Target[]).map((t) => [t.target, [...t.arch].sort()]));
    expect(linux).toEqual({ AppImage: ['arm64', 'x64'], deb: ['arm64', 'x64'] });
  });

  it('runs our afterPack hook, and leaves fuses to it alone', () => {
    expect(existsSync(resolve(config.afterPack))).toBe(true);
    expect(require(resolve(config.afterPack))).toBe(afterPack);
    expect(config.electronFuses).toBeUndefined();
  });

  it('passes electron-builder’s own schema validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The validator does reject mistakes (so the line above means something).
    await expect(validateConfiguration({ ...config, win: { ...config.win, tagret: 'nsis' } }, new DebugLogger(false))).rejects.toThrow(/configuration.win/);
  });
});

describe('afterPack fuses', () => {
  const packager = { executableName: 'cadre-desk', appInfo: { productFilename: '村干部培育管理' } };

  it.each([
    ['win32', join('out', 'win-unpacked', '村干部培育管理.exe'), join('out', 'win-unpacked')],
    ['linux', join('out', 'linux-unpacked', 'cadre-desk'), join('out', 'linux-unpacked')],
  ])('%s: flips RunAsNode, NODE_OPTIONS and inspect off, ASAR integrity and asar-only on', async (platform, binary, appOutDir) => {
    const fuses = await import('@electron/fuses');
    const flip = vi.mocked(fuses.flipFuses);
    flip.mockClear();
    await afterPack({ appOutDir, electronPlatformName: platform, packager }, () => import('@electron/fuses'));
    expect(flip).toHaveBeenCalledTimes(1);
    const [path, cfg] = flip.mock.calls[0];
    expect(path).toBe(binary);
    const { FuseV1Options, FuseVersion } = fuses;
    expect(cfg).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
  });

  it('the real fuse library writes that wire into a binary (a stand-in file carrying Electron 45’s sentinel and 9-fuse wire)', async () => {
    const real = await vi.importActual<typeof import('@electron/fuses')>('@electron/fuses');
    const { FuseV1Options, FuseState } = real;
    const dir = mkdtempSync(join(tmpdir(), 'fuses-'));
    const appOutDir = join(dir, 'linux-unpacked');
    mkdirSync(appOutDir);
    const binary = join(appOutDir, 'cadre-desk');
    // Electron ships every fuse at its default: on ('1') except the two that are off by default.
    const wire = '111001010';
    writeFileSync(binary, Buffer.concat([randomBytes(4096), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, wire.length]), Buffer.from(wire), randomBytes(4096)]));
    try {
      await afterPack({ appOutDir, electronPlatformName: 'linux', packager }, () => Promise.resolve({ ...real }));
      const now = await real.getCurrentFuseWire(binary);
      const state = (f: number) => now[f as keyof typeof now];
      expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
      expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
      expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
      expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
      expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
      expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
      expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a failure to flip fails the build instead of shipping an unhardened binary', async () => {
    const fuses = await import('@electron/fuses');
    vi.mocked(fuses.flipFuses).mockRejectedValueOnce(new Error('fuse wire not found'));
    await expect(afterPack({ appOutDir: 'out', electronPlatformName: 'linux', packager }, () => import('@electron/fuses'))).rejects.toThrow('fuse wire not found');
  });
});
