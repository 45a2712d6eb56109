/** 历史记录: the record's audit entries, newest first, with the fields each change touched. */
import { Alert, Badge, Loader, Stack, Text } from '@mantine/core';
import { auditTime, FieldChanges, showValue } from '../../components/AuditChanges';
import { useApi } from '../../components/useApi';
import { CADRE_FIELD_LABELS } from '../../../shared/domain/fieldLabels.js';

const ACTIONS: Record<string, { label: string; color: string }> = {
  'cadres.create': { label: '新建', color: 'green' },
  'cadres.update': { label: '修改', color: 'blue' },
  'cadres.delete': { label: '移入回收站', color: 'red' },
  'cadres.restore': { label: '恢复', color: 'teal' },
};

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
              {auditTime(e.at)} · {e.operator} · {e.summary}
            </Text>
            {e.action === 'cadres.update' && (
              <FieldChanges before={e.before} after={e.after} label={(k) => CADRE_FIELD_LABELS[k] ?? k} show={(k, v) => (k === 'villageId' ? villageName(v) : showValue(v))} />
            )}
          </div>
        );
      })}
    </Stack>
  );
}
