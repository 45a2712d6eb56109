/**
 * 2–5 candidates side by side. Rows where they differ are tinted, the better value is marked.
 * Keyboard: arrow keys move between cells, Alt+←/→ moves the current candidate's column,
 * Delete removes it. Headers stay in view while scrolling (sticky row and first column).
 */
import { ActionIcon, Alert, Anchor, Badge, Button, Group, Loader, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CompareColumn } from '../../../shared/rules/eligibilityCompare.js';
import { comparisonRows, type CompareCell } from '../../../shared/rules/eligibilityCompare.js';
import { invoke, saveBytes } from '../../api/client';
import { VERDICT_COLOR } from './verdicts';

const LABEL_W = 150;

function Cell({ cell }: { cell: CompareCell }) {
  if (cell.photo) return <img src={`data:image/jpeg;base64,${cell.photo}`} alt="照片" style={{ width: 90, height: 120, objectFit: 'cover', border: '1px solid #ccc' }} />;
  return (
    <>
      <Group gap={6} wrap="wrap">
        {cell.verdict ? <Badge color={VERDICT_COLOR[cell.verdict]} variant={cell.verdict === 'pass' ? 'light' : 'filled'} size="sm">{cell.text}</Badge> : <Text size="sm" fw={cell.best ? 700 : undefined}>{cell.text}</Text>}
        {cell.best && <Badge size="xs" color="green" variant="filled" title="该项较优">较优</Badge>}
      </Group>
      {cell.lines?.map((l, i) => <Text key={i} size="xs" c="dimmed">{l}</Text>)}
    </>
  );
}

export function ComparePage({ pilotId, initialIds }: { pilotId: string; initialIds: string[] }) {
  const [columns, setColumns] = useState<CompareColumn[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyDiffer, setOnlyDiffer] = useState(false);
  const [focus, setFocus] = useState<{ r: number; c: number }>({ r: 0, c: 0 });
  const [printing, setPrinting] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);

  const idsKey = initialIds.join(',');
  useEffect(() => {
    setError(null);
    invoke('cross.compare', { pilotId, cadreIds: idsKey.split(',').filter(Boolean) }).then(setColumns, (e: Error) => setError(e.message));
  }, [pilotId, idsKey]);

  const rows = useMemo(() => {
    const all = comparisonRows(columns ?? []);
    return onlyDiffer ? all.filter((r) => r.differ || r.key === 'photo') : all;
  }, [columns, onlyDiffer]);

  // Keep the address in step with the order on screen, so a reload or the back button shows the same.
  useEffect(() => {
    if (!columns) return;
    const ids = columns.map((c) => c.cadreId).join(',');
    if (ids !== idsKey) history.replaceState(null, '', `#/cross/${pilotId}/compare?ids=${ids}`);
  }, [columns, idsKey, pilotId]);

  useEffect(() => {
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${focus.r}:${focus.c}"]`);
    if (el && tableRef.current?.contains(document.activeElement)) el.focus();
  }, [focus]);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!columns) return <Loader />;

  const move = (from: number, to: number) => {
    if (to < 0 || to >= columns.length) return;
    const next = [...columns];
    const [c] = next.splice(from, 1);
    next.splice(to, 0, c);
    setColumns(next);
    setFocus((f) => ({ ...f, c: to }));
  };
  const remove = (i: number) => {
    if (columns.length <= 2) {
      notifications.show({ color: 'orange', message: '至少保留 2 名人选进行比较' });
      return;
    }
    setColumns(columns.filter((_, k) => k !== i));
    setFocus((f) => ({ ...f, c: Math.min(f.c, columns.length - 2) }));
  };

  // Row -1 is the header (names); rows 0.. are the data rows.
  const onKey = (e: KeyboardEvent) => {
    const { r, c } = focus;
    const lastR = rows.length - 1;
    const lastC = columns.length - 1;
    let handled = true;
    if (e.altKey && e.key === 'ArrowLeft') move(c, c - 1);
    else if (e.altKey && e.key === 'ArrowRight') move(c, c + 1);
    else if (e.key === 'ArrowLeft') setFocus({ r, c: Math.max(0, c - 1) });
    else if (e.key === 'ArrowRight') setFocus({ r, c: Math.min(lastC, c + 1) });
    else if (e.key === 'ArrowUp') setFocus({ r: Math.max(-1, r - 1), c });
    else if (e.key === 'ArrowDown') setFocus({ r: Math.min(lastR, r + 1), c });
    else if (e.key === 'Home') setFocus({ r, c: 0 });
    else if (e.key === 'End') setFocus({ r, c: lastC });
    else if (e.key === 'Delete') remove(c);
    else handled = false;
    if (handled) e.preventDefault();
  };

  async function printPdf() {
    setPrinting(true);
    try {
      const r = await invoke('cross.comparisonPdf', { pilotId, cadreIds: columns!.map((c) => c.cadreId) });
      await saveBytes(r.fileName, r.base64, 'application/pdf');
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    } finally {
      setPrinting(false);
    }
  }

  const stickyTop = { position: 'sticky' as const, top: 0, zIndex: 2, background: 'var(--mantine-color-gray-1)' };
  const stickyLeft = { position: 'sticky' as const, left: 0, zIndex: 1, background: 'var(--mantine-color-gray-0)', width: LABEL_W, minWidth: LABEL_W };
  const cellBorder = { border: '1px solid var(--mantine-color-gray-3)', padding: '6px 8px', verticalAlign: 'top' as const };
  const focusRing = (r: number, c: number) => (focus.r === r && focus.c === c ? { outline: '2px solid var(--mantine-color-blue-5)', outlineOffset: -2 } : {});

  return (
    <>
      <Group justify="space-between" mb="xs">
        <div>
          <Anchor size="sm" href={`#/cross/${pilotId}`}>← 返回试点</Anchor>
          <Title order={1}>人选比较（{columns.length} 人）</Title>
        </div>
        <Group>
          <Switch label="只看不同项" checked={onlyDiffer} onChange={(e) => setOnlyDiffer(e.currentTarget.checked)} />
          <Button loading={printing} onClick={printPdf}>打印 / 导出 PDF</Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        黄色底纹：人选之间不同的项目；“较优”：该项更好的一方。键盘：方向键移动，Alt+←/→ 调整人选顺序，Delete 移除当前人选。
      </Text>
      <div style={{ maxHeight: 'calc(100vh - 210px)', overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)' }}>
        <table ref={tableRef} role="grid" aria-label="人选比较" onKeyDown={onKey} style={{ borderCollapse: 'separate', borderSpacing: 0, width: '100%', tableLayout: 'fixed', minWidth: LABEL_W + columns.length * 220 }}>
          <thead>
            <tr>
              <th style={{ ...stickyTop, ...stickyLeft, zIndex: 3, ...cellBorder }}>项目</th>
              {columns.map((c, i) => (
                <th key={c.cadreId} role="columnheader" data-candidate={c.name} data-cell={`-1:${i}`} tabIndex={focus.r === -1 && focus.c === i ? 0 : -1} onFocus={() => setFocus({ r: -1, c: i })} style={{ ...stickyTop, ...cellBorder, ...focusRing(-1, i) }}>
                  <Group justify="space-between" wrap="nowrap">
                    <div>
                      <Text fw={700}>{c.name}</Text>
                      <Text size="xs" c="dimmed">{c.stage}</Text>
                    </div>
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon size="sm" variant="subtle" aria-label={`${c.name} 左移`} disabled={i === 0} onClick={() => move(i, i - 1)}>←</ActionIcon>
                      <ActionIcon size="sm" variant="subtle" aria-label={`${c.name} 右移`} disabled={i === columns.length - 1} onClick={() => move(i, i + 1)}>→</ActionIcon>
                      <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`移除 ${c.name}`} onClick={() => remove(i)}>✕</ActionIcon>
                    </Group>
                  </Group>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={row.key} data-row={row.key} data-differ={row.differ || undefined}>
                <th scope="row" style={{ ...stickyLeft, ...cellBorder, textAlign: 'left', fontWeight: 600, background: row.differ ? 'var(--mantine-color-yellow-1)' : stickyLeft.background }}>
                  <Text size="sm" fw={600}>{row.label}</Text>
                  {row.differ && <Text size="xs" c="yellow.9">不同</Text>}
                </th>
                {row.cells.map((cell, c) => (
                  <td
                    key={columns[c].cadreId}
                    role="gridcell"
                    data-cell={`${r}:${c}`}
                    data-best={cell.best || undefined}
                    tabIndex={focus.r === r && focus.c === c ? 0 : -1}
                    onFocus={() => setFocus({ r, c })}
                    style={{ ...cellBorder, ...focusRing(r, c), background: cell.best ? 'var(--mantine-color-green-0)' : row.differ ? 'var(--mantine-color-yellow-0)' : undefined }}
                  >
                    <Cell cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
