import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without types
import { planSystemSetup } from './systemPackages.mjs';

const all = { chromium: true, cjkFont: true, pdftotext: true, pdftoppm: true, soffice: true };

describe('npm test system set-up', () => {
  it('does nothing when everything is there', () => {
    expect(planSystemSetup(all, { isRoot: true, hasApt: true })).toEqual({ action: 'none' });
  });

  it('installs exactly what is missing when root on Debian', () => {
    const plan = planSystemSetup({ ...all, chromium: false, pdftoppm: false }, { isRoot: true, hasApt: true });
    expect(plan.action).toBe('install');
    expect(plan.packages).toEqual(['chromium', 'poppler-utils']);
    expect(plan.commands.at(-1)).toEqual(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium', 'poppler-utils']);
  });

  it('installs LibreOffice Writer when soffice is not on the PATH (the .docx checks need it)', () => {
    const plan = planSystemSetup({ ...all, soffice: false }, { isRoot: true, hasApt: true });
    expect(plan.packages).toEqual(['libreoffice-writer-nogui']);
  });

  it('stops a non-root user with the one command to run', () => {
    const plan = planSystemSetup({ ...all, cjkFont: false }, { isRoot: false, hasApt: true });
    expect(plan.action).toBe('stop');
    expect(plan.message).toContain('sudo apt-get install -y fonts-noto-cjk');
  });

  it('the real script, run as a non-root user without Chromium, stops before any test with that command', () => {
    if (process.getuid?.() !== 0) return; // dropping to another user needs root (CI and this machine run as root)
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, 'scripts/ensureSystem.mjs'], {
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', HOME: '/tmp' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('sudo apt-get install -y chromium');
  });
});
