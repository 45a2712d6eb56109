/** The preload exposes exactly `invoke` and `onEvent` to the page, and nothing of Node or Electron. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const h = {
  exposed: [] as [string, Record<string, (...a: unknown[]) => unknown>][],
  listeners: new Map<string, Set<(...a: unknown[]) => void>>(),
  invoked: [] as unknown[][],
};

const fakeElectron = {
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...a: unknown[]) => unknown>) => h.exposed.push([key, api]) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => (h.invoked.push(args), Promise.resolve({ ok: true, value: 'pong' })),
    on: (ch: string, fn: (...a: unknown[]) => void) => {
      if (!h.listeners.has(ch)) h.listeners.set(ch, new Set());
      h.listeners.get(ch)!.add(fn);
    },
    removeListener: (ch: string, fn: (...a: unknown[]) => void) => h.listeners.get(ch)?.delete(fn),
  },
};

// A sandboxed preload is one CommonJS file that may require only `electron`: compile it the way
// tsconfig.preload.json does and run it with a `require` that knows nothing else.
const source = readFileSync(resolve('electron/preload/preload.cts'), 'utf8');
const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
const required: string[] = [];
const fakeRequire = (id: string) => {
  required.push(id);
  if (id === 'electron') return fakeElectron;
  throw new Error(`preload may not require ${id}`);
};
new Function('require', 'module', 'exports', outputText)(fakeRequire, { exports: {} }, {});

describe('preload bridge', () => {
  it('exposes one object with invoke and onEvent only, requiring nothing but electron', () => {
    expect(required).toEqual(['electron']);
    expect(h.exposed.map(([k]) => k)).toEqual(['cadreDesk']);
    expect(Object.keys(h.exposed[0][1]).sort()).toEqual(['invoke', 'onEvent']);
  });

  it('invoke goes through the single contract channel', async () => {
    const api = h.exposed[0][1];
    await expect(api.invoke('vault.status', {})).resolves.toEqual({ ok: true, value: 'pong' });
    expect(h.invoked).toEqual([['cadre:invoke', 'vault.status', {}]]);
  });

  it('onEvent delivers the payload without the IPC event object, and unsubscribes', () => {
    const api = h.exposed[0][1];
    const got: unknown[] = [];
    const off = api.onEvent((e: unknown) => got.push(e)) as () => void;
    for (const l of h.listeners.get('cadre:event')!) l({ sender: 'ipc internals' }, { type: 'locked', reason: 'idle' });
    expect(got).toEqual([{ type: 'locked', reason: 'idle' }]);
    off();
    expect(h.listeners.get('cadre:event')!.size).toBe(0);
  });
});
