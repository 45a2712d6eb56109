import { Alert, Button, Group, List, Loader, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PrintPreview, PrintWarning } from '../../../shared/contract/print.js';
import { invoke, saveBytes } from '../../api/client';
import { JobProgress, isCancelled, useJob } from '../../components/useJob';
import { defaultRefMonth, isRefDate } from './refDate';

/** What to print: 审批表 of some cadres, or one 跨村任职 candidate's dossier. */
export type PrintSource = { kind: 'rmb'; ids: string[] } | { kind: 'dossier'; candidateId: string };

/**
 * Preview of a print document in a sandboxed, script-less iframe, with the warnings shown
 * first (text moved to a 续页, shrunk…), then 打印 / 保存 PDF. In Electron 打印 opens the
 * system dialog; in browser mode the browser prints the preview frame.
 */
export function PrintPreviewModal({ source, opened, onClose }: { source: PrintSource; opened: boolean; onClose: () => void }) {
  const [refDate, setRefDate] = useState(defaultRefMonth);
  const [preview, setPreview] = useState<PrintPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'pdf' | 'print' | null>(null);
  const [systemPrint, setSystemPrint] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const making = useJob();
  const key = JSON.stringify(source);
  const refOk = isRefDate(refDate);

  useEffect(() => {
    if (!opened) return;
    void invoke('print.capabilities', {}).then((c) => setSystemPrint(c.systemPrint)).catch(() => setSystemPrint(false));
  }, [opened]);

  // Callers pass a new object each render; the preview reloads only when what it names changes.
  const shown = useMemo(() => JSON.parse(key) as typeof source, [key]);
  useEffect(() => {
    if (!opened || (shown.kind === 'rmb' && !refOk)) return;
    let live = true;
    setPreview(null);
    setError(null);
    const load = shown.kind === 'rmb' ? invoke('print.rmbPreview', { ids: shown.ids, refDate }) : invoke('print.dossierPreview', { candidateId: shown.candidateId });
    load.then((p) => live && setPreview(p)).catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [opened, shown, refDate, refOk]);

  async function savePdf() {
    setBusy('pdf');
    try {
      const pdf =
        source.kind === 'rmb'
          ? await making.track((job) => invoke('print.rmbPdf', { ids: source.ids, refDate, job }))
          : await invoke('print.dossierPdf', { candidateId: source.candidateId });
      if (await saveBytes(pdf.fileName, pdf.base64, 'application/pdf')) notifications.show({ color: 'green', message: `已生成 ${pdf.fileName}（${pdf.pages} 页）` });
    } catch (e) {
      if (isCancelled(e)) notifications.show({ color: 'gray', message: '已取消生成 PDF' });
      else notifications.show({ color: 'red', title: '未能生成 PDF', message: (e as Error).message });
    } finally {
      setBusy(null);
    }
  }

  async function print() {
    if (!systemPrint) {
      frame.current?.contentWindow?.print();
      return;
    }
    setBusy('print');
    try {
      const r = source.kind === 'rmb' ? await invoke('print.toPrinter', { kind: 'rmb', ids: source.ids, refDate }) : await invoke('print.toPrinter', { kind: 'dossier', candidateId: source.candidateId });
      if (!r.ok && r.message) notifications.show({ color: 'yellow', message: r.message });
    } catch (e) {
      notifications.show({ color: 'red', title: '打印失败', message: (e as Error).message });
    } finally {
      setBusy(null);
    }
  }

  const title = source.kind === 'rmb' ? (source.ids.length > 1 ? `打印干部任免审批表（${source.ids.length} 人）` : '打印干部任免审批表') : '打印跨村任职人选任用材料';
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={900} centered>
      <Stack gap="xs">
        <Group align="end" justify="space-between">
          {source.kind === 'rmb' ? (
            <TextInput
              label="计算年龄时间"
              description="出生年月后括号内的年龄按此时间计算"
              value={refDate}
              onChange={(e) => setRefDate(e.currentTarget.value.trim())}
              error={refOk ? undefined : '请写成 2026.11 或 2026.11.25 的形式'}
              w={220}
            />
          ) : (
            <Text size="sm" c="dimmed">年龄、党龄计至试点的审查基准日；每页页脚印“第 X 页 共 Y 页”。</Text>
          )}
          <Group gap="xs">
            <Button onClick={() => void print()} loading={busy === 'print'} disabled={!preview}>打印</Button>
            <Button variant="default" onClick={() => void savePdf()} loading={busy === 'pdf'} disabled={!preview}>保存 PDF</Button>
          </Group>
        </Group>
        {making.job && <JobProgress job={making.job} label="保存 PDF" onCancel={making.cancel} />}
        {error && <Alert color="red" title="无法生成打印预览">{error}</Alert>}
        {preview && <PrintWarnings warnings={preview.warnings} />}
        {!preview && !error && (
          <Group gap="xs"><Loader size="sm" /><Text size="sm">正在排版…</Text></Group>
        )}
        {preview && (
          <iframe
            ref={frame}
            title="打印预览"
            data-testid="print-preview"
            srcDoc={preview.html}
            // Same origin so the parent can call print(); no allow-scripts: the document runs nothing.
            sandbox="allow-same-origin allow-modals"
            // Not a Tab stop: Tab pressed inside the frame's own document never reaches the dialog's focus trap, so the
            // focus left the dialog through it (seen in the keyboard journey). The preview scrolls with the mouse wheel.
            tabIndex={-1}
            style={{ width: '100%', height: 'max(300px, calc(100vh - 430px))', border: '1px solid #ccc', background: '#8a8f98' }}
          />
        )}
      </Stack>
    </Modal>
  );
}

/** Warnings first and in plain words; the "shrunk" notes are collapsed into one line list. */
export function PrintWarnings({ warnings }: { warnings: PrintWarning[] }) {
  const serious = warnings.filter((w) => w.level === 'warning');
  const info = warnings.filter((w) => w.level === 'info');
  if (!warnings.length) return null;
  return (
    <>
      {serious.length > 0 && (
        <Alert color="orange" title={`打印前请注意（${serious.length} 项）`} data-testid="print-warnings">
          <ScrollArea.Autosize mah={140} type="auto">
            <List size="sm">{serious.map((w, i) => <List.Item key={i}>{w.message}</List.Item>)}</List>
          </ScrollArea.Autosize>
        </Alert>
      )}
      {info.length > 0 && (
        <Alert color="gray" variant="light" data-testid="print-info">
          <Text size="xs">
            为放进表格，以下内容已缩小字号（内容完整）：{info.slice(0, 12).map((w) => `${w.cadreName} ${w.field}`).join('；')}
            {info.length > 12 ? ` 等 ${info.length} 项` : ''}
          </Text>
        </Alert>
      )}
    </>
  );
}
