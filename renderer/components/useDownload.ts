import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { saveBytes } from '../api/client';

interface FileResult {
  fileName: string;
  base64: string;
}

/**
 * What every 导出 button does: ask the privileged side for the file, save it, and say in a toast
 * how it went; `busy` while it runs, so the button can show it is working.
 */
export function useDownload() {
  const [busy, setBusy] = useState(false);

  /** Resolves true once the file is saved; a failure is shown under `failTitle` and resolves false. */
  async function download<R extends FileResult>(
    make: () => Promise<R>,
    opts: { mime: string; failTitle: string; done: (r: R) => string | { message: string; color: string } },
  ): Promise<boolean> {
    setBusy(true);
    try {
      const r = await make();
      // Cancelled in the save dialog: nothing was saved, and nothing went wrong either.
      if (!(await saveBytes(r.fileName, r.base64, opts.mime))) return false;
      const done = opts.done(r);
      notifications.show(typeof done === 'string' ? { color: 'green', message: done } : done);
      return true;
    } catch (e) {
      notifications.show({ color: 'red', title: opts.failTitle, message: (e as Error).message });
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, download };
}
