import { Alert, Anchor, Badge, Button, Card, Group, Loader, Rating, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { VILLAGE_POSTS } from '../../../shared/domain/codes.js';
import { VILLAGE_FIELD_LABELS } from '../../../shared/domain/fieldLabels.js';
import { townName } from '../../../shared/domain/towns.js';
import { ageAt, today } from '../../../shared/rules/dates.js';
import { isTeamPost } from '../../../shared/rules/structure.js';
import { navigate } from '../../app/router';
import { useApi } from '../../components/useApi';
import { STRENGTH_COLOR, VillageBadges } from './VillageBadges';
import { VillageForm } from './VillageForm';
import { VillageTermsCard } from '../terms/VillageTermsCard';

const postRank = (p?: string) => {
  const i = (VILLAGE_POSTS as readonly string[]).indexOf(p ?? '');
  return i < 0 ? 99 : i;
};


/** “（改了：名称、活力指数）” for an update entry, whose `after` holds only the changed fields. */
function changedLabels(after: unknown): string {
  if (!after || typeof after !== 'object' || 'id' in after) return '';
  const names = Object.keys(after).map((k) => VILLAGE_FIELD_LABELS[k]).filter(Boolean);
  return names.length ? `（改了：${names.join('、')}）` : '';
}

/** One village: its reference data and the cadres whose 所在村 is this village. */
export function VillageDetail({ id }: { id: string }) {
  const village = useApi('village.get', { id });
  const cadres = useApi('cadre.list', { deleted: false });
  const history = useApi('audit.list', { recordId: id, limit: 50 });
  const [editing, setEditing] = useState(false);
  const refDate = today();

  const members = useMemo(
    () => (cadres.data ?? []).filter((c) => c.villageId === id && !c.former).sort((a, b) => postRank(a.villagePost) - postRank(b.villagePost) || a.name.localeCompare(b.name, 'zh-CN')),
    [cadres.data, id],
  );
  const team = members.filter((m) => isTeamPost(m.villagePost));
  const others = members.filter((m) => !isTeamPost(m.villagePost));

  if (village.error) return <Alert color="red">{village.error}</Alert>;
  const v = village.data;
  if (!v) return <Loader />;
  const vitality = [...v.vitality].sort((a, b) => b.year - a.year);

  const table = (rows: typeof members, label: string) => (
    <Table striped highlightOnHover withTableBorder aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>姓名</Table.Th>
          <Table.Th>村职务</Table.Th>
          <Table.Th>性别</Table.Th>
          <Table.Th>出生年月（年龄）</Table.Th>
          <Table.Th>学历</Table.Th>
          <Table.Th>政治面貌</Table.Th>
          <Table.Th>任现职时间</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Anchor component="button" onClick={() => navigate(`/cadres/${c.id}`)}>{c.name}</Anchor>
              {c.demo && <Badge ml={6} size="xs" color="yellow" variant="outline">示例</Badge>}
            </Table.Td>
            <Table.Td>{c.villagePost ?? '—'}</Table.Td>
            <Table.Td>{c.sex}</Table.Td>
            <Table.Td>{c.birth}（{ageAt(c.birth, refDate)}岁）</Table.Td>
            <Table.Td>{c.education || '—'}</Table.Td>
            <Table.Td>{c.politicalStatus}</Table.Td>
            <Table.Td>{c.postSince || '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm">
          <Anchor component="button" onClick={() => navigate(`/villages?town=${v.townCode}`)}>← 村居信息</Anchor>
          <Title order={1}>{v.name}</Title>
          <Text c="dimmed">{townName(v.townCode)} · {v.kind}</Text>
          {v.deletedAt && <Badge color="red">在回收站中</Badge>}
        </Group>
        {!v.deletedAt && <Button variant="light" onClick={() => setEditing(true)}>编辑</Button>}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">班子战斗力</Text>
          <Badge mt={4} variant="dot" color={STRENGTH_COLOR[v.strength]}>{v.strength}</Badge>
          <Text size="sm" c="dimmed" mt="sm">标识</Text>
          <VillageBadges village={v} />
          {!v.weakLax && !v.demonstration && !v.redVillage && !v.crossPilot && <Text size="sm">无</Text>}
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed" mb={4}>活力指数</Text>
          {vitality.length === 0 && <Text size="sm">未评定</Text>}
          {vitality.map((s) => (
            <Group key={s.year} gap="xs">
              <Text size="sm" w={48}>{s.year}</Text>
              <Rating value={s.stars} readOnly size="sm" />
              <Text size="sm">{s.stars} 星</Text>
            </Group>
          ))}
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">班子人数</Text>
          <Text fw={700} size="xl">{team.length}</Text>
          <Text size="sm" c="dimmed" mt="xs">后备干部及其他人员</Text>
          <Text fw={700}>{others.length}</Text>
          {v.note && <Text size="sm" mt="xs">备注：{v.note}</Text>}
        </Card>
      </SimpleGrid>
      <Title order={2}>班子成员</Title>
      {cadres.loading && !cadres.data && <Loader size="sm" />}
      {cadres.data && team.length === 0 && <Text c="dimmed">干部档案中还没有“所在村（社区）”为本村、担任两委职务的干部。</Text>}
      {team.length > 0 && table(team, '班子成员')}
      {others.length > 0 && (
        <>
          <Title order={2}>后备干部及其他人员</Title>
          {table(others, '后备干部及其他人员')}
        </>
      )}
      <VillageTermsCard villageId={id} readOnly={!!v.deletedAt} />
      <Title order={2}>修改记录</Title>
      {history.data && history.data.entries.length === 0 && <Text size="sm" c="dimmed">没有记录。</Text>}
      {history.data && history.data.entries.length > 0 && (
        <Table withTableBorder aria-label="修改记录">
          <Table.Thead>
            <Table.Tr><Table.Th w={180}>时间</Table.Th><Table.Th w={120}>操作人</Table.Th><Table.Th>内容</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.entries.map((e) => (
              <Table.Tr key={e.seq}>
                <Table.Td>{new Date(e.at).toLocaleString('zh-CN')}</Table.Td>
                <Table.Td>{e.operator}</Table.Td>
                <Table.Td>{e.summary}{changedLabels(e.after)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <VillageForm
          opened
          village={v}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            village.setData(saved);
            void history.reload();
          }}
        />
      )}
    </Stack>
  );
}
