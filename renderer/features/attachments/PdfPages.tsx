/**
 * A PDF shown in the app: pdf.js renders each page to a canvas. The worker is bundled by vite
 * from pdfjs-dist (a same-origin file, allowed by script-src 'self'); nothing is fetched from
 * the network, and eval is off so the page's CSP holds.
 */
import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/** Pages drawn at most; a 300-page scan is better read after download than in a dialog. */
const MAX_PAGES = 50;

export function PdfPages({ bytes }: { bytes: Uint8Array }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages: number; drawn: number; error?: string }>({ pages: 0, drawn: 0 });

  useEffect(() => {
    let cancelled = false;
    const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: false, useSystemFonts: true });
    void (async () => {
      try {
        const pdf = await task.promise;
        if (cancelled) return;
        const n = Math.min(pdf.numPages, MAX_PAGES);
        setState({ pages: pdf.numPages, drawn: 0 });
        for (let i = 1; i <= n && !cancelled; i++) {
          const page = await pdf.getPage(i);
          const viewport = page.getViewport({ scale: 1.4 });
          const canvas = document.createElement('canvas');
          canvas.width = Math.ceil(viewport.width);
          canvas.height = Math.ceil(viewport.height);
          canvas.style.maxWidth = '100%';
          canvas.style.border = '1px solid var(--mantine-color-gray-4)';
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', `第 ${i} 页`);
          canvas.dataset.testid = 'pdf-page';
          await page.render({ canvas, viewport }).promise;
          if (cancelled) return;
          host.current?.appendChild(canvas);
          setState((s) => ({ ...s, drawn: i }));
        }
      } catch (e) {
        if (!cancelled) setState((s) => ({ ...s, error: `无法显示该 PDF：${(e as Error).message}` }));
      }
    })();
    const drawnInto = host.current;
    return () => {
      cancelled = true;
      void task.destroy();
      drawnInto?.replaceChildren();
    };
  }, [bytes]);

  return (
    <Stack gap="xs">
      {state.error && <Alert color="red">{state.error}</Alert>}
      {!state.error && state.drawn < Math.min(state.pages || 1, MAX_PAGES) && <Loader size="sm" />}
      {state.pages > MAX_PAGES && <Text size="sm" c="dimmed">共 {state.pages} 页，这里显示前 {MAX_PAGES} 页；全部内容请下载后查看。</Text>}
      <div ref={host} style={{ display: 'flex', flexDirection: 'column', gap: 12, alignItems: 'center' }} />
    </Stack>
  );
}
