import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { townName } from '../../../shared/domain/towns.js';
import { navigate } from '../../app/router';
import { useVaultStatus } from '../../app/useStatus';
import { useApi } from '../../components/useApi';
import { HomeReminders } from '../reminders/HomeReminders';

function Stat({ label, value, hint, to }: { label: string; value: number | string; hint?: string; to: string }) {
  return (
    <Card withBorder component="button" onClick={() => navigate(to)} style={{ cursor: 'pointer', textAlign: 'left' }}>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fw={700} fz={28} lh={1.3}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Card>
  );
}

/** The day's starting point: what is on file, the five pilots, and the latest changes. */
export function HomePage() {
  const { status } = useVaultStatus();
  const summary = useApi('home.summary', {});
  const pilots = useApi('cross.overview', { deleted: false });
  const s = summary.data;
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <div>
          <Title order={1}>村干部培育管理</Title>
          <Text c="dimmed" size="sm" style={{ wordBreak: 'break-all' }}>
            档案库：{status.path}　操作人：{status.operator}
          </Text>
        </div>
        <Group>
          <Button variant="light" onClick={() => navigate('/cadres/new')}>新建干部档案</Button>
          <Button variant="light" onClick={() => navigate('/import')}>导入花名册</Button>
        </Group>
      </Group>
      {summary.error && <Alert color="red">{summary.error}</Alert>}
      <HomeReminders />
      {s && (
        <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
          <Stat label="在册干部" value={s.cadres} hint={`其中后备干部 ${s.reserves} 人`} to="/cadres" />
          <Stat label="村（社区）" value={s.villages} hint={`软弱涣散整顿中 ${s.weakLax} 个，示范村 ${s.demonstration} 个`} to="/villages" />
          <Stat label="书记跟班（今日在岗）" value={s.activePlacements} to="/shadow" />
          <Stat label="智库结对（进行中）" value={s.activeMentorPairs} to="/mentoring" />
          <Stat label="村居结对（进行中）" value={s.activeVillagePairs} to="/village-pairs" />
          <Stat label="跨村任职试点" value={pilots.data?.length ?? '—'} hint={pilots.data ? `已任命 ${pilots.data.filter((p) => p.filled).length} 个` : undefined} to="/cross" />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={2} mb="sm">跨村任职试点进度</Title>
          {pilots.data && pilots.data.length === 0 && <Text c="dimmed">尚未设立试点。在“村居信息”中标记试点村后，到“跨村任职”新建试点。</Text>}
          {pilots.data && pilots.data.length > 0 && (
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr><Table.Th>试点村（社区）</Table.Th><Table.Th>拟任职务</Table.Th><Table.Th>人选</Table.Th><Table.Th>进度</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pilots.data.map((p) => (
                  <Table.Tr key={p.id} onClick={() => navigate(`/cross/${p.id}`)} style={{ cursor: 'pointer' }}>
                    <Table.Td>{townName(p.townCode)} · {p.villageName}</Table.Td>
                    <Table.Td>{p.post}</Table.Td>
                    <Table.Td>{p.candidateCount}</Table.Td>
                    <Table.Td>{p.filled ? <Badge color="green">已任命 {p.filled.cadreName}</Badge> : p.currentStep}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder>
          <Title order={2} mb="sm">最近修改</Title>
          {s && s.recent.length === 0 && <Text c="dimmed">还没有修改记录。</Text>}
          {s && s.recent.length > 0 && (
            <Table>
              <Table.Tbody>
                {s.recent.map((e) => (
                  <Table.Tr key={e.seq}>
                    <Table.Td c="dimmed" style={{ whiteSpace: 'nowrap' }}>{new Date(e.at).toLocaleString('zh-CN', { hour12: false })}</Table.Td>
                    <Table.Td>{e.operator}</Table.Td>
                    <Table.Td>{e.summary}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
