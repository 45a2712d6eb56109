import { Button, Checkbox, Group, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { PrintPreviewModal, type PrintSource } from './PrintPreviewModal';

/**
 * The preview is unmounted when closed (it holds a rendered document), so the Modal's own return of focus never runs:
 * the focus goes back to the button that opened it by hand, for keyboard users to carry on from there.
 */
function closeAndReturnFocus(setOpen: (open: boolean) => void, button: React.RefObject<HTMLButtonElement | null>): void {
  setOpen(false);
  requestAnimationFrame(() => button.current?.focus());
}

/** "打印审批表" for one or more cadres: opens the preview (warnings, 打印, 保存 PDF). */
export function PrintRmbButton({ ids, label = '打印审批表', size = 'xs' }: { ids: string[]; label?: string; size?: 'xs' | 'sm' }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button ref={button} size={size} variant="default" disabled={ids.length === 0} onClick={() => setOpen(true)}>{label}</Button>
      {open && <PrintPreviewModal source={{ kind: 'rmb', ids }} opened onClose={() => closeAndReturnFocus(setOpen, button)} />}
    </>
  );
}

/** "打印任用材料" for one 跨村任职 candidate. */
export function PrintDossierButton({ candidateId, label = '打印任用材料', size = 'xs' }: { candidateId: string; label?: string; size?: 'xs' | 'sm' }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const source: PrintSource = { kind: 'dossier', candidateId };
  return (
    <>
      <Button ref={button} size={size} variant="default" onClick={() => setOpen(true)}>{label}</Button>
      {open && <PrintPreviewModal source={source} opened onClose={() => closeAndReturnFocus(setOpen, button)} />}
    </>
  );
}

/** The most 审批表 one batch prints (100 cadres ≈ 200 pages, a few seconds of rendering). */
export const BATCH_LIMIT = 200;

/**
 * Batch printing from the cadre list: pick among the rows currently shown (all ticked by
 * default), then one preview and one PDF for all of them. The rows are read when the button is
 * pressed, so typing in the search box does not re-render it.
 */
/** `selectedCount` > 0: the rows are the cadres ticked in the list, not the whole list. */
interface PrintRows {
  rows: readonly { id: string; name: string }[];
  trash: boolean;
  selectedCount?: number;
}

export function PrintRmbBatchButton({ getRows, label = '批量打印审批表' }: {
  getRows: () => PrintRows | Promise<PrintRows>;
  label?: string;
}) {
  const [rows, setRows] = useState<readonly { id: string; name: string }[]>([]);
  const [total, setTotal] = useState(0);
  const [choosing, setChoosing] = useState(false);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [printIds, setPrintIds] = useState<string[] | null>(null);
  const [scope, setScope] = useState('当前列表');
  const start = async () => {
    const current = await getRows();
    if (current.trash) {
      notifications.show({ color: 'yellow', message: '回收站中的档案不能打印审批表，请先恢复' });
      return;
    }
    if (current.rows.length === 0) {
      notifications.show({ color: 'yellow', message: '当前列表没有干部，无法打印' });
      return;
    }
    // One PDF holds at most BATCH_LIMIT people; offering 50 000 checkboxes would only freeze the window.
    const offered = current.rows.slice(0, BATCH_LIMIT);
    setScope(current.selectedCount ? '已选人员' : '当前列表');
    setRows(offered);
    setTotal(current.rows.length);
    setPicked(new Set(offered.map((r) => r.id)));
    setChoosing(true);
  };
  const toggle = (id: string) =>
    setPicked((p) => {
      const n = new Set(p);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const ordered = rows.filter((r) => picked.has(r.id)).map((r) => r.id);
  return (
    <>
      <Button size="xs" variant="default" onClick={() => void start()}>{label}</Button>
      <Modal opened={choosing} onClose={() => setChoosing(false)} title="批量打印干部任免审批表" size="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Text size="sm">从{scope}中选择（已选 {ordered.length} 人{total > BATCH_LIMIT ? `；${scope}共 ${total} 人，一次最多打印 ${BATCH_LIMIT} 人，这里列出前 ${BATCH_LIMIT} 人，请先用筛选缩小范围` : ''}）</Text>
            <Group gap="xs">
              <Button size="compact-xs" variant="subtle" onClick={() => setPicked(new Set(rows.map((r) => r.id)))}>全选</Button>
              <Button size="compact-xs" variant="subtle" onClick={() => setPicked(new Set())}>全不选</Button>
            </Group>
          </Group>
          <ScrollArea h={320} type="auto">
            <Stack gap={4}>
              {rows.map((r) => (
                <Checkbox key={r.id} label={r.name} checked={picked.has(r.id)} onChange={() => toggle(r.id)} />
              ))}
            </Stack>
          </ScrollArea>
          <Group justify="flex-end">
            <Button
              disabled={ordered.length === 0 || ordered.length > BATCH_LIMIT}
              onClick={() => {
                setChoosing(false);
                setPrintIds(ordered);
              }}
            >
              预览并打印（{ordered.length} 人）
            </Button>
          </Group>
        </Stack>
      </Modal>
      {printIds && <PrintPreviewModal source={{ kind: 'rmb', ids: printIds }} opened onClose={() => setPrintIds(null)} />}
    </>
  );
}
