/** 书记跟班 (#/shadow): batches, placements by cadre and by host, 回收站; #/shadow/<id> is one batch. */
import { Alert, Anchor, Button, Group, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { PlacementRow, ShadowBatchRow } from '../../../../shared/contract/programs.js';
import { PLACEMENT_STATUSES } from '../../../../shared/domain/programs.js';
import { townName } from '../../../../shared/domain/towns.js';
import { invoke } from '../../../api/client';
import type { Route } from '../../../app/router';
import { navigate } from '../../../app/router';
import { useApi } from '../../../components/useApi';
import { attempt, emptyFilter, FilterBar, LimitField, StatusBadge, type ListFilter } from '../common';
import { BatchForm } from './BatchForm';
import { BatchPage } from './BatchPage';
import { BATCH_PHASES, batchPhase } from './batchPhase';
import { FirstUse, NoMatch } from '../../../components/EmptyState';

export function ShadowPage({ route }: { route: Route }) {
  const id = route.parts[1];
  return id ? <BatchPage key={id} id={id} /> : <ShadowLists />;
}

/** Towns a batch touches: its department hosts' towns and its village hosts' towns. */
function batchTowns(b: ShadowBatchRow, villageTown: Map<string, string>): string[] {
  return b.hosts.map((h) => (h.kind === '镇街部门' ? h.townCode ?? '' : villageTown.get(h.villageId ?? '') ?? ''));
}

function ShadowLists() {
  const batches = useApi('shadow.batchList', { deleted: false });
  const placements = useApi('shadow.placementList', { deleted: false });
  const villages = useApi('village.list', { deleted: false });
  const settings = useApi('settings.get', {});
  const [tab, setTab] = useState<string | null>('batches');
  const [creating, setCreating] = useState(false);
  const villageTown = useMemo(() => new Map((villages.data ?? []).map((v) => [v.id, v.townCode as string])), [villages.data]);

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={1}>书记跟班</Title>
        <Group align="end">
          {settings.data && <LimitField label="青年干部年龄上限" limit="youthAgeLimit" value={settings.data.youthAgeLimit} min={18} max={60} onSaved={() => void settings.reload()} />}
          <Button onClick={() => setCreating(true)}>新建期次</Button>
        </Group>
      </Group>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="batches">按期次</Tabs.Tab>
          <Tabs.Tab value="cadres">按干部</Tabs.Tab>
          <Tabs.Tab value="hosts">按跟班单位</Tabs.Tab>
          <Tabs.Tab value="bin">回收站</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="batches" pt="sm">
          {batches.error && <Alert color="red">{batches.error}</Alert>}
          <BatchTable rows={batches.data ?? []} villageTown={villageTown} />
        </Tabs.Panel>
        <Tabs.Panel value="cadres" pt="sm">
          <PlacementsByCadre rows={placements.data ?? []} />
        </Tabs.Panel>
        <Tabs.Panel value="hosts" pt="sm">
          <PlacementsByHost rows={placements.data ?? []} />
        </Tabs.Panel>
        <Tabs.Panel value="bin" pt="sm">
          {tab === 'bin' && <RecycleBin onChanged={() => { void batches.reload(); void placements.reload(); }} />}
        </Tabs.Panel>
      </Tabs>
      <BatchForm batch={null} opened={creating} onClose={() => setCreating(false)} onSaved={(b) => { setCreating(false); navigate(`/shadow/${b.id}`); }} />
    </Stack>
  );
}

function BatchTable({ rows, villageTown }: { rows: ShadowBatchRow[]; villageTown: Map<string, string> }) {
  const [filter, setFilter] = useState<ListFilter>(emptyFilter);
  const shown = rows.filter(
    (b) => (!filter.town || batchTowns(b, villageTown).includes(filter.town)) && (!filter.year || String(b.year) === filter.year) && (!filter.status || batchPhase(b) === filter.status),
  );
  return (
    <Stack>
      <FilterBar value={filter} onChange={setFilter} years={rows.map((b) => b.year)} statuses={BATCH_PHASES} />
      <Table highlightOnHover data-testid="batch-table">
        <Table.Thead>
          <Table.Tr><Table.Th>期次</Table.Th><Table.Th>年度</Table.Th><Table.Th>起止</Table.Th><Table.Th>跟班单位</Table.Th><Table.Th>已安排 / 容量</Table.Th><Table.Th>状态</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((b) => (
            <Table.Tr key={b.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/shadow/${b.id}`)}>
              <Table.Td><Anchor component="button" type="button" onClick={() => navigate(`/shadow/${b.id}`)}>{b.name}</Anchor></Table.Td>
              <Table.Td>{b.year}</Table.Td>
              <Table.Td>{b.start}–{b.end}</Table.Td>
              <Table.Td>{Object.values(b.hostLabels).join('、')}</Table.Td>
              <Table.Td>{b.placed} / {b.capacity}</Table.Td>
              <Table.Td><StatusBadge status={batchPhase(b)} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!shown.length && (rows.length ? <NoMatch what="期次" onClear={() => setFilter(emptyFilter)} /> : <FirstUse title="还没有跟班期次">点右上角“新建期次”，填写期次名称、起止日期和跟班单位，再在期次中安排干部。</FirstUse>)}
    </Stack>
  );
}

function usePlacementFilter(rows: PlacementRow[]) {
  const [filter, setFilter] = useState<ListFilter>(emptyFilter);
  const [query, setQuery] = useState('');
  const shown = rows.filter(
    (p) =>
      (!filter.town || p.townCode === filter.town) &&
      (!filter.year || String(p.batchYear) === filter.year) &&
      (!filter.status || p.status === filter.status) &&
      (!query.trim() || p.cadreName.includes(query.trim()) || p.hostLabel.includes(query.trim())),
  );
  const bar = (
    <Group align="end">
      <FilterBar value={filter} onChange={setFilter} years={rows.map((p) => p.batchYear)} statuses={PLACEMENT_STATUSES} />
      <TextInput label="姓名或单位" data-search-box value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={160} />
    </Group>
  );
  return { shown, bar };
}

function PlacementsByCadre({ rows }: { rows: PlacementRow[] }) {
  const { shown, bar } = usePlacementFilter(rows);
  const sorted = [...shown].sort((a, b) => a.cadreName.localeCompare(b.cadreName, 'zh-CN') || a.start.localeCompare(b.start));
  return (
    <Stack>
      {bar}
      <Table striped>
        <Table.Thead>
          <Table.Tr><Table.Th>姓名</Table.Th><Table.Th>镇街</Table.Th><Table.Th>所在村（社区）</Table.Th><Table.Th>期次</Table.Th><Table.Th>跟班单位</Table.Th><Table.Th>起止</Table.Th><Table.Th>状态</Table.Th><Table.Th>等次</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td><Anchor href={`#/cadres/${p.cadreId}`}>{p.cadreName}</Anchor></Table.Td>
              <Table.Td>{townName(p.townCode)}</Table.Td>
              <Table.Td>{p.cadreVillageName}</Table.Td>
              <Table.Td><Anchor href={`#/shadow/${p.batchId}`}>{p.batchName}</Anchor></Table.Td>
              <Table.Td>{p.hostLabel}</Table.Td>
              <Table.Td>{p.start}–{p.end}</Table.Td>
              <Table.Td><StatusBadge status={p.status} /></Table.Td>
              <Table.Td>{p.evaluation?.grade ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function PlacementsByHost({ rows }: { rows: PlacementRow[] }) {
  const { shown, bar } = usePlacementFilter(rows);
  const groups = new Map<string, PlacementRow[]>();
  for (const p of shown) groups.set(p.hostLabel, [...(groups.get(p.hostLabel) ?? []), p]);
  return (
    <Stack>
      {bar}
      <Table>
        <Table.Thead>
          <Table.Tr><Table.Th>跟班单位</Table.Th><Table.Th>导师</Table.Th><Table.Th>接收人次</Table.Th><Table.Th>跟班干部（期次）</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...groups.entries()].sort((a, b) => a[0].localeCompare(b[0], 'zh-CN')).map(([host, ps]) => (
            <Table.Tr key={host}>
              <Table.Td>{host}</Table.Td>
              <Table.Td>{[...new Set(ps.map((p) => p.mentorLabel).filter(Boolean))].join('、')}</Table.Td>
              <Table.Td>{ps.filter((p) => p.status !== '中止').length}</Table.Td>
              <Table.Td>{ps.map((p) => `${p.cadreName}（${p.batchName}）`).join('、')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function RecycleBin({ onChanged }: { onChanged: () => void }) {
  const batches = useApi('shadow.batchList', { deleted: true });
  const placements = useApi('shadow.placementList', { deleted: true });
  const refresh = () => {
    void batches.reload();
    void placements.reload();
    onChanged();
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">移入回收站的期次和跟班安排。恢复跟班安排时会重新检查规则（如时间重叠、容量）。</Text>
      <Table>
        <Table.Tbody>
          {(batches.data ?? []).map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>期次</Table.Td><Table.Td>{b.name}</Table.Td><Table.Td>{b.start}–{b.end}</Table.Td>
              <Table.Td><Button size="xs" variant="light" onClick={() => void attempt(() => invoke('shadow.batchRestore', { id: b.id }), '已恢复').then(refresh)}>恢复</Button></Table.Td>
            </Table.Tr>
          ))}
          {(placements.data ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>跟班安排</Table.Td><Table.Td>{p.cadreName}（{p.batchName} · {p.hostLabel}）</Table.Td><Table.Td>{p.start}–{p.end}</Table.Td>
              <Table.Td><Button size="xs" variant="light" onClick={() => void attempt(() => invoke('shadow.placementRestore', { id: p.id }), '已恢复').then(refresh)}>恢复</Button></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!(batches.data ?? []).length && !(placements.data ?? []).length && <Text c="dimmed">回收站是空的。</Text>}
    </Stack>
  );
}
