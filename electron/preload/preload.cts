/**
 * The whole bridge the page gets: `invoke` (one contract call) and `onEvent`. Nothing else
 * from Node or Electron reaches the renderer. CommonJS because sandboxed preloads must be.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

contextBridge.exposeInMainWorld('cadreDesk', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke('cadre:invoke', method, input),
  onEvent: (cb: (e: unknown) => void) => {
    const listener = (_e: IpcRendererEvent, payload: unknown) => cb(payload);
    ipcRenderer.on('cadre:event', listener);
    return () => ipcRenderer.removeListener('cadre:event', listener);
  },
});
