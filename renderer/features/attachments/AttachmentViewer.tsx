import { Alert, Loader, Modal, Stack } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Attachment } from '../../../shared/domain/attachment.js';
import { invoke } from '../../api/client';

// pdf.js is large: loaded the first time a PDF is opened, not with the app.
const PdfPages = lazy(() => import('./PdfPages').then((m) => ({ default: m.PdfPages })));

function bytesOf(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** One attachment decrypted into memory and shown: PDF pages on canvases, images turned as catalogued. */
export function AttachmentViewer({ entry, onClose }: { entry: Attachment; onClose: () => void }) {
  const [content, setContent] = useState<{ bytes: Uint8Array; url?: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let url: string | undefined;
    let live = true;
    invoke('attachment.content', { id: entry.id })
      .then((c) => {
        if (!live) return;
        const bytes = bytesOf(c.base64);
        if (c.mime !== 'application/pdf') url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: c.mime }));
        setContent({ bytes, url });
      })
      .catch((e: unknown) => live && setError((e as Error).message));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [entry.id]);

  const quarter = entry.rotation % 180 !== 0;
  return (
    <Modal opened onClose={onClose} title={`${entry.title}（${entry.category}）`} size="90%" data-testid="attachment-viewer">
      <Stack align="center">
        {error && <Alert color="red">{error}</Alert>}
        {!content && !error && <Loader />}
        {content && entry.mime === 'application/pdf' && (
          <Suspense fallback={<Loader />}>
            <PdfPages bytes={content.bytes} />
          </Suspense>
        )}
        {content && entry.mime === 'image/tiff' && <Alert color="yellow">TIFF 图片暂不能在应用内显示，请点“下载”后用看图软件查看。</Alert>}
        {content?.url && entry.mime !== 'image/tiff' && (
          <div style={{ padding: quarter ? '10% 0' : 0 }}>
            <img
              src={content.url}
              alt={entry.title}
              data-testid="attachment-image"
              data-rotation={entry.rotation}
              style={{ maxWidth: quarter ? '70vh' : '100%', maxHeight: quarter ? '80vw' : '75vh', transform: `rotate(${entry.rotation}deg)` }}
            />
          </div>
        )}
      </Stack>
    </Modal>
  );
}
