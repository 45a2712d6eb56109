/** 跨村任职 overview: every pilot with its post, candidate count and where the process stands. */
import { Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { PilotRow } from '../../../shared/contract/crossPosting.js';
import { townName } from '../../../shared/domain/towns.js';
import { invoke } from '../../api/client';
import { navigate } from '../../app/router';
import { useApi } from '../../components/useApi';
import { PilotForm } from './PilotForm';

function stageSummary(r: PilotRow): string {
  const parts = (['提名', '考察', '公示', '未通过'] as const).filter((s) => r.stageCounts[s]).map((s) => `${s} ${r.stageCounts[s]}`);
  return parts.join('，');
}

/** Villages flagged 跨村任职试点 (e.g. in 村居信息) that have no pilot yet: one click starts one. */
function UnsetPilotVillages({ pilots, onCreate }: { pilots: PilotRow[]; onCreate: (villageId: string) => void }) {
  const { data: villages } = useApi('village.list', { deleted: false });
  const open = (villages ?? []).filter((v) => v.crossPilot && !pilots.some((p) => p.villageId === v.id));
  if (!open.length) return null;
  return (
    <Alert color="blue" mb="sm" title="以下村（社区）已标记为跨村任职试点，尚未设置拟任职务">
      <Group gap="xs">
        {open.map((v) => (
          <Button key={v.id} size="xs" variant="light" onClick={() => onCreate(v.id)}>
            {townName(v.townCode)} {v.name}
          </Button>
        ))}
      </Group>
    </Alert>
  );
}

function RecycleBin({ onRestored }: { onRestored: () => void }) {
  const { data, reload } = useApi('cross.overview', { deleted: true });
  if (!data?.length) return <Text size="sm" c="dimmed">回收站中没有试点。</Text>;
  return (
    <Stack gap={4}>
      {data.map((r) => (
        <Group key={r.id} gap="sm">
          <Text size="sm">{townName(r.townCode)} {r.villageName} · {r.post}（{r.candidateCount} 名人选）</Text>
          <Button size="xs" variant="light" onClick={async () => {
            try { await invoke('cross.pilotRestore', { id: r.id }); void reload(); onRestored(); } catch (e) { notifications.show({ color: 'red', message: (e as Error).message }); }
          }}>恢复</Button>
        </Group>
      ))}
    </Stack>
  );
}

export function Overview() {
  const { data, error, loading, reload } = useApi('cross.overview', { deleted: false });
  const [creating, setCreating] = useState(false);
  const [presetVillage, setPresetVillage] = useState<string | undefined>();
  const [binOpen, setBinOpen] = useState(false);
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1}>跨村任职</Title>
        <Group>
          <Button variant="subtle" color="gray" onClick={() => setBinOpen(!binOpen)}>回收站</Button>
          <Button onClick={() => { setPresetVillage(undefined); setCreating(true); }}>新建试点</Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        在镇街范围内，从班子战斗力强、发展能力强的村选拔优秀干部到弱村任职。点击试点查看推荐人选、资格审查、人选比较和任用程序。
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      {binOpen && <Card withBorder mb="sm"><Title order={2} mb="xs">回收站</Title><RecycleBin onRestored={() => void reload()} /></Card>}
      {data && <UnsetPilotVillages pilots={data} onCreate={(id) => { setPresetVillage(id); setCreating(true); }} />}
      {loading && !data ? (
        <Loader />
      ) : data && data.length === 0 ? (
        <Alert color="gray">还没有跨村任职试点。点击“新建试点”选择目标村和拟任职务。</Alert>
      ) : (
        <Table striped highlightOnHover withTableBorder aria-label="跨村任职试点">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>镇街</Table.Th>
              <Table.Th>试点村（社区）</Table.Th>
              <Table.Th>拟任职务</Table.Th>
              <Table.Th>事由</Table.Th>
              <Table.Th>任职期间</Table.Th>
              <Table.Th>人选数</Table.Th>
              <Table.Th>当前步骤</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data ?? []).map((r) => (
              <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/cross/${r.id}`)} onKeyDown={(e) => e.key === 'Enter' && navigate(`/cross/${r.id}`)} tabIndex={0}>
                <Table.Td>{townName(r.townCode)}</Table.Td>
                <Table.Td fw={600}>{r.villageName}</Table.Td>
                <Table.Td>{r.post}</Table.Td>
                <Table.Td>{r.reason}</Table.Td>
                <Table.Td>{r.periodStart}–{r.periodEnd}</Table.Td>
                <Table.Td>{r.candidateCount}</Table.Td>
                <Table.Td>
                  {r.filled ? <Badge color="green">{r.currentStep}</Badge> : <Text size="sm">{r.currentStep}</Text>}
                  {stageSummary(r) && <Text size="xs" c="dimmed">{stageSummary(r)}</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PilotForm opened={creating} villageId={presetVillage} onClose={() => setCreating(false)} onSaved={(p) => { void reload(); navigate(`/cross/${p.id}`); }} />
    </>
  );
}
