/**
 * Command-line switches for every Chromium we start (the browser-mode PDF engine, Playwright,
 * benchmarks). Chromium's sandbox is kept wherever it can work: it cannot be created as root
 * or in CI containers, and only there is it switched off.
 */
export function sandboxUnavailable(env: NodeJS.ProcessEnv = process.env, uid: number | undefined = process.getuid?.()): boolean {
  return uid === 0 || !!env.CI;
}

/** Offline and quiet: no background updates, sync, QUIC or first-run pages. */
export const QUIET_CHROMIUM_ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function chromiumArgs(extra: string[] = [], env: NodeJS.ProcessEnv = process.env, uid: number | undefined = process.getuid?.()): string[] {
  return [...(sandboxUnavailable(env, uid) ? ['--no-sandbox'] : []), ...QUIET_CHROMIUM_ARGS, ...extra];
}
