/** 历史记录: the record's audit entries, newest first, with the fields each change touched. */
import { Alert, Badge, Loader, Stack, Table, Text } from '@mantine/core';
import type { AuditEntry } from '../../../shared/domain/audit.js';
import { useApi } from '../../components/useApi';
import { FIELD_LABELS } from './formModel';

const ACTIONS: Record<string, { label: string; color: string }> = {
  'cadres.create': { label: '新建', color: 'green' },
  'cadres.update': { label: '修改', color: 'blue' },
  'cadres.delete': { label: '移入回收站', color: 'red' },
  'cadres.restore': { label: '恢复', color: 'teal' },
};

/** Short readable form of a stored value: lists by their lines, objects by their filled parts. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '（空）';
  if (Array.isArray(v)) {
    if (v.length === 0) return '（空）';
    return v.map((x) => (typeof x === 'object' && x ? Object.values(x as object).filter((y) => y !== '' && y !== undefined).join(' ') : String(x))).join('；');
  }
  if (typeof v === 'object') return Object.values(v as object).filter((y) => y !== '' && y !== undefined).join(' ') || '（空）';
  return String(v);
}

function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}.${p(d.getMonth() + 1)}.${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function Changes({ e, villageName }: { e: AuditEntry; villageName(id: unknown): string }) {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'updatedAt');
  if (e.action !== 'cadres.update' || keys.length === 0) return null;
  return (
    <Table withTableBorder verticalSpacing={2} fz="xs" mt={4}>
      <Table.Thead>
        <Table.Tr><Table.Th w={160}>字段</Table.Th><Table.Th>修改前</Table.Th><Table.Th>修改后</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((k) => (
          <Table.Tr key={k}>
            <Table.Td>{FIELD_LABELS[k] ?? k}</Table.Td>
            <Table.Td>{k === 'villageId' ? villageName(before[k]) : showValue(before[k])}</Table.Td>
            <Table.Td>{k === 'villageId' ? villageName(after[k]) : showValue(after[k])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function CadreHistory({ id, version }: { id: string; version: string }) {
  const { data, error, loading } = useApi('audit.list', { recordId: id, limit: 500 }, [version]);
  const villages = useApi('village.list', { deleted: false });
  const villageName = (v: unknown) => (v ? villages.data?.find((x) => x.id === v)?.name ?? '（已删除的村居）' : '（空）');
  if (error) return <Alert color="red" title="无法读取历史记录">{error}</Alert>;
  if (loading && !data) return <Loader size="sm" />;
  if (!data || data.entries.length === 0) return <Text c="dimmed">暂无历史记录。</Text>;
  return (
    <Stack gap="sm" data-testid="cadre-history">
      <Text size="sm" c="dimmed">共 {data.total} 条记录（最新在前）</Text>
      {data.entries.map((e) => {
        const a = ACTIONS[e.action] ?? { label: e.action, color: 'gray' };
        return (
          <div key={e.seq} style={{ borderLeft: '3px solid var(--mantine-color-gray-3)', paddingLeft: 10 }}>
            <Text size="sm">
              <Badge size="sm" color={a.color} mr={6}>{a.label}</Badge>
              {localTime(e.at)} · {e.operator} · {e.summary}
            </Text>
            <Changes e={e} villageName={villageName} />
          </div>
        );
      })}
    </Stack>
  );
}
