import { Alert, Anchor, Badge, Button, Chip, Group, Modal, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { TOWNS } from '../../../shared/domain/towns.js';
import type { Village } from '../../../shared/domain/village.js';
import { invoke } from '../../api/client';
import { navigate } from '../../app/router';
import { useApi } from '../../components/useApi';
import { useProgressive } from '../../components/useProgressive';
import { VillageImportModal } from '../import/VillageImportModal';
import { BulkAddModal } from './BulkAddModal';
import { LatestStars, STRENGTH_COLOR, VillageBadges } from './VillageBadges';
import { VillageForm } from './VillageForm';
import { useLastShown } from '../../components/useLastShown';
import { FirstUse, Loading, NoMatch } from '../../components/EmptyState';

const FLAGS = {
  weakLax: { label: '软弱涣散', test: (v: Village) => !!v.weakLax },
  weakLaxOpen: { label: '整顿中', test: (v: Village) => v.weakLax?.status === '整顿中' },
  demonstration: { label: '示范村', test: (v: Village) => !!v.demonstration },
  redVillage: { label: '红色村', test: (v: Village) => v.redVillage },
  crossPilot: { label: '跨村任职试点', test: (v: Village) => v.crossPilot },
} as const;
type FlagKey = keyof typeof FLAGS;

export function VillageList({ initialTown }: { initialTown: string | null }) {
  const [deleted, setDeleted] = useState(false);
  const { data, error, loading, reload } = useApi('village.list', { deleted });
  const live = useApi('village.list', { deleted: false });
  const counts = useApi('village.teamCounts', {});
  const [town, setTown] = useState<string | null>(initialTown);
  // The nav link and 「← 村居信息」 change the URL's town while this list stays mounted.
  useEffect(() => setTown(initialTown), [initialTown]);
  const [query, setQuery] = useState('');
  const [flags, setFlags] = useState<string[]>([]);
  const [editing, setEditing] = useState<Village | 'new' | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<Village | null>(null);
  const deleting = useLastShown(confirmDelete);

  const groups = useMemo(() => {
    const q = query.trim();
    const rows = (data ?? []).filter(
      (v) => (!town || v.townCode === town) && (!q || v.name.includes(q)) && flags.every((f) => FLAGS[f as FlagKey].test(v)),
    );
    return TOWNS.map((t) => ({ town: t, villages: rows.filter((v) => v.townCode === t.code).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) })).filter((g) => g.villages.length > 0);
  }, [data, town, query, flags]);
  const shown = groups.reduce((n, g) => n + g.villages.length, 0);
  // The first rows paint at once; the rest follow a slice per frame (issue #20: 1 s on a slow PC).
  const rendered = useProgressive(shown, groups);
  const visibleGroups = useMemo(() => {
    const out: typeof groups = [];
    let left = rendered;
    for (const g of groups) {
      if (left <= 0) break;
      const villages = g.villages.slice(0, left);
      left -= villages.length;
      if (villages.length > 0) out.push({ ...g, villages });
    }
    return out;
  }, [groups, rendered]);

  const refresh = () => {
    void reload();
    void live.reload();
    void counts.reload();
  };

  async function remove(v: Village) {
    try {
      await invoke('village.delete', { id: v.id });
      notifications.show({ message: `已将“${v.name}”移入回收站`, color: 'green' });
      setConfirmDelete(null);
      refresh();
    } catch (e) {
      notifications.show({ message: (e as Error).message, color: 'red' });
    }
  }

  async function restore(v: Village) {
    try {
      await invoke('village.restore', { id: v.id });
      notifications.show({ message: `已恢复“${v.name}”`, color: 'green' });
      refresh();
    } catch (e) {
      notifications.show({ message: (e as Error).message, color: 'red' });
    }
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>村居信息</Title>
        <Group>
          <Button variant="light" onClick={() => setBulkOpen(true)}>批量添加</Button>
          <Button variant="light" onClick={() => setImportOpen(true)}>从 Excel 导入</Button>
          <Button onClick={() => setEditing('new')}>新建村（社区）</Button>
        </Group>
      </Group>
      <Group align="end">
        <Select
          label="镇街"
          w={140}
          data={[{ value: '', label: '全部镇街' }, ...TOWNS.map((t) => ({ value: t.code, label: t.name }))]}
          value={town ?? ''}
          onChange={(v) => navigate(v ? `/villages?town=${v}` : '/villages')}
          allowDeselect={false}
        />
        <TextInput label="名称" placeholder="按 / 搜索村（社区）名称" data-search-box value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={220} />
        <SegmentedControl data={[{ value: 'live', label: '在用' }, { value: 'deleted', label: '回收站' }]} value={deleted ? 'deleted' : 'live'} onChange={(v) => setDeleted(v === 'deleted')} />
      </Group>
      <Chip.Group multiple value={flags} onChange={setFlags}>
        <Group gap="xs">
          <Text size="sm">只看：</Text>
          {(Object.keys(FLAGS) as FlagKey[]).map((k) => <Chip key={k} value={k} size="xs">{FLAGS[k].label}</Chip>)}
        </Group>
      </Chip.Group>
      {error && <Alert color="red">{error}</Alert>}
      {loading && !data && <Loading what="村（社区）" />}
      {data && (
        <Text size="sm" c="dimmed">
          {deleted ? '回收站中' : '共'} {shown} 个村（社区）{shown !== data.length ? `（全部 ${data.length} 个）` : ''}
        </Text>
      )}
      {data && data.length === 0 && !deleted && (
        <FirstUse title="还没有村（社区）">点“新建村（社区）”逐个录入，或用“批量添加”每行粘贴一个：镇街 名称 类型，或“从 Excel 导入”村居名册。</FirstUse>
      )}
      {data && data.length === 0 && deleted && <FirstUse title="回收站是空的">删除的村（社区）会先放在这里，可随时恢复。</FirstUse>}
      {data && data.length > 0 && shown === 0 && (
        <NoMatch
          what="村（社区）"
          onClear={() => {
            setQuery('');
            setFlags([]);
            navigate('/villages');
          }}
        />
      )}
      {visibleGroups.map(({ town: t, villages }) => (
        <div key={t.code}>
          <Title order={2} mb={4}>{t.name}（{groups.find((g) => g.town === t)?.villages.length ?? villages.length}）</Title>
          <Table striped highlightOnHover withTableBorder aria-label={`${t.name}村（社区）`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>名称</Table.Th>
                <Table.Th w={60}>类型</Table.Th>
                <Table.Th w={90}>战斗力</Table.Th>
                <Table.Th>标识</Table.Th>
                <Table.Th w={150}>活力指数</Table.Th>
                <Table.Th w={110}>书记</Table.Th>
                <Table.Th w={80}>班子人数</Table.Th>
                <Table.Th w={60}>后备</Table.Th>
                <Table.Th w={150}>操作</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {villages.map((v) => {
                const c = counts.data?.[v.id];
                return (
                  <Table.Tr key={v.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component="button" onClick={() => navigate(`/villages/${v.id}`)}>{v.name}</Anchor>
                    </Table.Td>
                    <Table.Td>{v.kind}</Table.Td>
                    <Table.Td><Badge variant="dot" color={STRENGTH_COLOR[v.strength]}>{v.strength}</Badge></Table.Td>
                    <Table.Td><VillageBadges village={v} /></Table.Td>
                    <Table.Td><LatestStars village={v} /></Table.Td>
                    <Table.Td>{c?.secretary || <Text span size="sm" c="dimmed">空缺</Text>}</Table.Td>
                    <Table.Td>{c?.team ?? 0}</Table.Td>
                    <Table.Td>{c?.reserves ?? 0}</Table.Td>
                    <Table.Td>
                      {deleted ? (
                        <Button size="xs" variant="light" onClick={() => restore(v)}>恢复</Button>
                      ) : (
                        <Group gap={4}>
                          <Button size="xs" variant="light" onClick={() => setEditing(v)}>编辑</Button>
                          <Button size="xs" variant="subtle" color="red" onClick={() => setConfirmDelete(v)}>删除</Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      ))}
      {editing && (
        <VillageForm
          key={editing === 'new' ? 'new' : editing.id}
          opened
          village={editing === 'new' ? null : editing}
          defaultTown={town ?? undefined}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
      <VillageImportModal opened={importOpen} onClose={() => setImportOpen(false)} onDone={() => { setImportOpen(false); refresh(); }} />
      <BulkAddModal opened={bulkOpen} existing={live.data ?? []} onClose={() => setBulkOpen(false)} onDone={() => { setBulkOpen(false); refresh(); }} />
      <Modal opened={!!confirmDelete} onClose={() => setConfirmDelete(null)} title="移入回收站">
        {deleting && (
          <Stack>
            <Text>
              将“{deleting.name}”移入回收站？
              {(counts.data?.[deleting.id]?.team ?? 0) > 0 && `该村（社区）登记有 ${counts.data![deleting.id].team} 名班子成员，移入回收站后他们在结构分析中将不计入任何镇街。`}
              可随时在“回收站”中恢复。
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmDelete(null)}>取消</Button>
              <Button color="red" onClick={() => remove(deleting)}>移入回收站</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
