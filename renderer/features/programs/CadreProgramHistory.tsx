/** A cadre's 书记跟班 placements and 智库 pairs, for the cadre page. */
import { Alert, Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useApi } from '../../components/useApi';
import { StatusBadge } from './common';

export function CadreProgramHistory({ cadreId }: { cadreId: string }) {
  const { data, error } = useApi('programs.cadreHistory', { cadreId });
  if (error) return <Alert color="red">{error}</Alert>;
  if (!data) return null;
  return (
    <Stack data-testid="cadre-program-history">
      <Title order={3}>书记跟班</Title>
      {data.placements.length ? (
        <Table>
          <Table.Thead><Table.Tr><Table.Th>期次</Table.Th><Table.Th>跟班单位</Table.Th><Table.Th>导师</Table.Th><Table.Th>起止</Table.Th><Table.Th>状态</Table.Th><Table.Th>等次</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {data.placements.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td><Anchor href={`#/shadow/${p.batchId}`}>{p.batchName}</Anchor></Table.Td>
                <Table.Td>{p.hostLabel}</Table.Td>
                <Table.Td>{p.mentorLabel}</Table.Td>
                <Table.Td>{p.start}–{p.end}</Table.Td>
                <Table.Td><StatusBadge status={p.status} />{p.stopped && <Text size="xs" c="dimmed">{p.stopped.reason}</Text>}</Table.Td>
                <Table.Td>{p.evaluation?.grade ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">没有跟班记录。</Text>
      )}
      <Title order={3}>智库结对</Title>
      {data.mentorPairs.length ? (
        <Table>
          <Table.Thead><Table.Tr><Table.Th>类型</Table.Th><Table.Th>专家</Table.Th><Table.Th>期限</Table.Th><Table.Th>活动</Table.Th><Table.Th>状态</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {data.mentorPairs.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.kind}</Table.Td>
                <Table.Td>{p.expertNames.join('、')}</Table.Td>
                <Table.Td>{p.start}–{p.end || '至今'}</Table.Td>
                <Table.Td>{p.activities.length} 次 / {p.hours} 小时</Table.Td>
                <Table.Td><StatusBadge status={p.status} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">没有智库结对记录。</Text>
      )}
    </Stack>
  );
}
