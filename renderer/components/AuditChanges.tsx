/**
 * How an audit entry's before/after reads: the cadre 历史记录 tab and the 操作日志 page both
 * show changes this way.
 */
import { Table } from '@mantine/core';
import { scalarText } from '../../shared/rules/text.js';

/** Short readable form of a stored value: lists by their lines, objects by their filled parts. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) {
    if (v.length === 0) return '（空）';
    return v.map((x) => (typeof x === 'object' && x ? Object.values(x as object).filter((y) => y !== '' && y !== undefined).join(' ') : String(x))).join('；');
  }
  if (typeof v === 'object') return Object.values(v).filter((y) => y !== '' && y !== undefined).join(' ') || '（空）';
  return scalarText(v);
}

/** "2026.11.25 14:03" in this PC's local time. */
export function auditTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}.${p(d.getMonth() + 1)}.${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Bookkeeping a reader never needs to see in a change. */
const HIDDEN = new Set(['id', 'createdAt', 'updatedAt', 'photo', 'demo']);

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The fields whose value differs between before and after (for a new record: everything it was given). */
export function changedKeys(before: unknown, after: unknown): string[] {
  const b = asRecord(before);
  const a = asRecord(after);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]));
}

export function FieldChanges({
  before,
  after,
  label,
  show = (_k, v) => showValue(v),
}: {
  before: unknown;
  after: unknown;
  label: (key: string) => string;
  show?: (key: string, value: unknown) => string;
}) {
  const keys = changedKeys(before, after);
  if (keys.length === 0) return null;
  const b = asRecord(before);
  const a = asRecord(after);
  return (
    <Table withTableBorder verticalSpacing={2} fz="xs" mt={4} aria-label="字段改动">
      <Table.Thead>
        <Table.Tr><Table.Th w={160}>字段</Table.Th><Table.Th>修改前</Table.Th><Table.Th>修改后</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((k) => (
          <Table.Tr key={k}>
            <Table.Td>{label(k)}</Table.Td>
            <Table.Td>{show(k, b[k])}</Table.Td>
            <Table.Td>{show(k, a[k])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
