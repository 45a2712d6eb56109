/** 智库结对 (#/mentoring): pairs by expert / cadre / town, the experts, a yearly summary, 回收站. */
import { BarChart } from '@mantine/charts';
import { Alert, Anchor, Badge, Button, Drawer, Group, SegmentedControl, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { Fragment, useMemo, useState } from 'react';
import type { ExpertRow, MentorPairRow } from '../../../../shared/contract/programs.js';
import { PAIR_STATUSES } from '../../../../shared/domain/programs.js';
import { townName } from '../../../../shared/domain/towns.js';
import { invoke } from '../../../api/client';
import { useApi } from '../../../components/useApi';
import { useLastShown } from '../../../components/useLastShown';
import { attempt, CloseModal, emptyFilter, FilterBar, LimitField, StatusBadge, type ListFilter } from '../common';
import { PairDetail } from '../PairDetail';
import { ExpertForm, PairForm } from './MentorForms';
import { FirstUse, NoMatch } from '../../../components/EmptyState';

export function MentoringPage() {
  const pairs = useApi('mentoring.pairList', { deleted: false });
  const experts = useApi('mentoring.expertList', { deleted: false });
  const settings = useApi('settings.get', {});
  const [tab, setTab] = useState<string | null>('pairs');
  const reload = () => {
    void pairs.reload();
    void experts.reload();
  };
  return (
    <Stack>
      <Title order={1}>智库结对</Title>
      {(pairs.error || experts.error) && <Alert color="red">{pairs.error ?? experts.error}</Alert>}
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="pairs">结对</Tabs.Tab>
          <Tabs.Tab value="experts">智库专家</Tabs.Tab>
          <Tabs.Tab value="summary">年度汇总</Tabs.Tab>
          <Tabs.Tab value="bin">回收站</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pairs" pt="sm">
          <PairsView pairs={pairs.data ?? []} experts={experts.data ?? []} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="experts" pt="sm">
          <ExpertsView experts={experts.data ?? []} loadLimit={settings.data?.expertLoadLimit ?? 3} onChanged={reload} onLimitSaved={() => void settings.reload()} />
        </Tabs.Panel>
        <Tabs.Panel value="summary" pt="sm">{tab === 'summary' && <SummaryView />}</Tabs.Panel>
        <Tabs.Panel value="bin" pt="sm">{tab === 'bin' && <MentoringBin onChanged={reload} />}</Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

type GroupBy = 'expert' | 'cadre' | 'town';

function groupPairs(rows: MentorPairRow[], by: GroupBy): [string, MentorPairRow[]][] {
  const groups = new Map<string, MentorPairRow[]>();
  const add = (k: string, p: MentorPairRow) => groups.set(k, [...(groups.get(k) ?? []), p]);
  for (const p of rows) {
    if (by === 'expert') p.expertNames.forEach((n) => add(n, p));
    else if (by === 'cadre') add(p.targetName, p);
    else add(townName(p.townCode) || '未填镇街', p);
  }
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0], 'zh-CN'));
}

function PairsView({ pairs, experts, onChanged }: { pairs: MentorPairRow[]; experts: ExpertRow[]; onChanged: () => void }) {
  const [filter, setFilter] = useState<ListFilter>(emptyFilter);
  const [by, setBy] = useState<GroupBy>('expert');
  const [editing, setEditing] = useState<MentorPairRow | 'new' | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const shown = pairs.filter((p) => (!filter.town || p.townCode === filter.town) && (!filter.year || p.start.startsWith(filter.year)) && (!filter.status || p.status === filter.status));
  const groups = useMemo(() => groupPairs(shown, by), [shown, by]);
  const open = pairs.find((p) => p.id === openId) ?? null;
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Group align="end">
          <FilterBar value={filter} onChange={setFilter} years={pairs.map((p) => Number(p.start.slice(0, 4)))} statuses={PAIR_STATUSES} />
          <SegmentedControl aria-label="分组" value={by} onChange={(v) => setBy(v)} data={[{ value: 'expert', label: '按专家' }, { value: 'cadre', label: '按干部/村' }, { value: 'town', label: '按镇街' }]} />
        </Group>
        <Button onClick={() => setEditing('new')} disabled={!experts.length} title={experts.length ? undefined : '请先在“智库专家”中添加专家'}>新建结对</Button>
      </Group>
      {!experts.length && <FirstUse title="还没有智库专家">先到“智库专家”页添加专家，再回到这里点“新建结对”。</FirstUse>}
      {!!experts.length && !pairs.length && <FirstUse title="还没有智库结对">点“新建结对”，选择专家和结对的干部或村（社区）。</FirstUse>}
      <Table data-testid="pair-table">
        <Table.Thead>
          <Table.Tr><Table.Th>类型</Table.Th><Table.Th>专家</Table.Th><Table.Th>结对对象</Table.Th><Table.Th>镇街</Table.Th><Table.Th>期限</Table.Th><Table.Th>活动</Table.Th><Table.Th>状态</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map(([name, rows]) => (
            <Fragment key={name}>
              <Table.Tr bg="var(--mantine-color-gray-1)"><Table.Td colSpan={7}><Text fw={600} size="sm">{name}（{rows.length}）</Text></Table.Td></Table.Tr>
              {rows.map((p) => (
                <Table.Tr key={`${name}-${p.id}`} style={{ cursor: 'pointer' }} onClick={() => setOpenId(p.id)}>
                  <Table.Td><Badge variant="outline">{p.kind}</Badge></Table.Td>
                  <Table.Td>{p.expertNames.join('、')}</Table.Td>
                  <Table.Td><Anchor component="button" type="button" onClick={() => setOpenId(p.id)}>{p.targetName}</Anchor></Table.Td>
                  <Table.Td>{townName(p.townCode)}</Table.Td>
                  <Table.Td>{p.start}–{p.end || '至今'}</Table.Td>
                  <Table.Td>{p.activities.length} 次 / {p.hours} 小时</Table.Td>
                  <Table.Td><StatusBadge status={p.status} /></Table.Td>
                </Table.Tr>
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      {!shown.length && pairs.length > 0 && <NoMatch what="结对" onClear={() => setFilter(emptyFilter)} />}
      <PairForm pair={editing === 'new' ? null : editing} experts={experts} opened={editing !== null} onClose={() => setEditing(null)} onSaved={onChanged} />
      <PairDrawer pair={open} onClose={() => setOpenId(null)} onEdit={(p) => setEditing(p)} onChanged={onChanged} />
    </Stack>
  );
}

function PairDrawer({ pair: current, onClose, onEdit, onChanged }: { pair: MentorPairRow | null; onClose: () => void; onEdit: (p: MentorPairRow) => void; onChanged: () => void }) {
  const pair = useLastShown(current);
  return (
    <Drawer opened={!!current} onClose={onClose} position="right" size="xl" title={pair ? `${pair.kind}：${pair.expertNames.join('、')} — ${pair.targetName}` : ''}>
      {pair && (
        <PairDetail
          program="mentoring"
          pair={pair}
          heading={<>{pair.start}–{pair.end || '至今'}</>}
          onEdit={() => onEdit(pair)}
          onChanged={onChanged}
          onGone={onClose}
        />
      )}
    </Drawer>
  );
}

function ExpertsView({ experts, loadLimit, onChanged, onLimitSaved }: { experts: ExpertRow[]; loadLimit: number; onChanged: () => void; onLimitSaved: () => void }) {
  const [editing, setEditing] = useState<ExpertRow | 'new' | null>(null);
  const [leaving, setLeaving] = useState<ExpertRow | null>(null);
  const leavingShown = useLastShown(leaving);
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Group align="end">
          <LimitField label="每位专家结对上限" limit="expertLoadLimit" value={loadLimit} min={1} max={50} onSaved={onLimitSaved} />
          <Text size="sm" c="dimmed">超过上限时提示，不阻止保存。专家不必是干部档案中的人员。</Text>
        </Group>
        <Button onClick={() => setEditing('new')}>新增专家</Button>
      </Group>
      <Table striped data-testid="expert-table">
        <Table.Thead>
          <Table.Tr><Table.Th>姓名</Table.Th><Table.Th>单位</Table.Th><Table.Th>职称/职务</Table.Th><Table.Th>专业领域</Table.Th><Table.Th>联系电话</Table.Th><Table.Th>智库任期</Table.Th><Table.Th>进行中结对</Table.Th><Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {experts.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{e.name}</Table.Td>
              <Table.Td>{e.unit}</Table.Td>
              <Table.Td>{e.title}</Table.Td>
              <Table.Td>{e.fields.join('、')}</Table.Td>
              <Table.Td>{e.phone}</Table.Td>
              <Table.Td>{e.joined}–{e.left || '至今'}{e.leftReason && <Text size="xs" c="dimmed">{e.leftReason}</Text>}</Table.Td>
              <Table.Td c={e.activePairs > loadLimit ? 'orange' : undefined}>{e.activePairs} / {loadLimit}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="xs" variant="subtle" onClick={() => setEditing(e)}>编辑</Button>
                  {!e.left && <Button size="xs" variant="subtle" onClick={() => setLeaving(e)}>退出智库</Button>}
                  <Button size="xs" variant="subtle" color="gray" onClick={() => void attempt(() => invoke('mentoring.expertDelete', { id: e.id }), `已将 ${e.name} 移入回收站`).then((ok) => ok && onChanged())}>移入回收站</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!experts.length && <FirstUse title="专家名单是空的">点“新增专家”录入专家的单位、职称和专业领域；专家不必是干部档案中的人员。</FirstUse>}
      <ExpertForm expert={editing === 'new' ? null : editing} opened={editing !== null} onClose={() => setEditing(null)} onSaved={onChanged} />
      <CloseModal
        opened={!!leaving}
        title={`退出智库：${leavingShown?.name ?? ''}`}
        dateLabel="退出时间"
        confirmLabel="确认退出"
        onClose={() => setLeaving(null)}
        onConfirm={async (date, reason) => {
          await invoke('mentoring.expertLeave', { id: leaving!.id, date, reason });
          onChanged();
        }}
      />
    </Stack>
  );
}

function SummaryView() {
  const { data, error } = useApi('mentoring.summary', {});
  if (error) return <Alert color="red">{error}</Alert>;
  const rows = data ?? [];
  return (
    <Stack>
      {rows.length > 0 && (
        <BarChart
          h={260}
          data={rows.map((r) => ({ 年度: `${r.year}年`, 新结对数: r.pairs, 活动次数: r.activities, 活动时长: r.hours }))}
          dataKey="年度"
          withLegend
          series={[{ name: '新结对数', color: 'blue.6' }, { name: '活动次数', color: 'teal.6' }, { name: '活动时长', color: 'orange.6', label: '活动时长（小时）' }]}
        />
      )}
      <Table data-testid="mentoring-summary">
        <Table.Thead><Table.Tr><Table.Th>年度</Table.Th><Table.Th>新结对数</Table.Th><Table.Th>活动次数</Table.Th><Table.Th>活动时长（小时）</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.year}><Table.Td>{r.year}</Table.Td><Table.Td>{r.pairs}</Table.Td><Table.Td>{r.activities}</Table.Td><Table.Td>{r.hours}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!rows.length && <Text c="dimmed">还没有结对。</Text>}
    </Stack>
  );
}

function MentoringBin({ onChanged }: { onChanged: () => void }) {
  const experts = useApi('mentoring.expertList', { deleted: true });
  const pairs = useApi('mentoring.pairList', { deleted: true });
  const refresh = () => {
    void experts.reload();
    void pairs.reload();
    onChanged();
  };
  const empty = !(experts.data ?? []).length && !(pairs.data ?? []).length;
  return (
    <Stack>
      <Table>
        <Table.Tbody>
          {(experts.data ?? []).map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>专家</Table.Td><Table.Td>{e.name}</Table.Td>
              <Table.Td><Button size="xs" variant="light" onClick={() => void attempt(() => invoke('mentoring.expertRestore', { id: e.id }), '已恢复').then(refresh)}>恢复</Button></Table.Td>
            </Table.Tr>
          ))}
          {(pairs.data ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>结对</Table.Td><Table.Td>{p.expertNames.join('、')} — {p.targetName}（{p.start} 起）</Table.Td>
              <Table.Td><Button size="xs" variant="light" onClick={() => void attempt(() => invoke('mentoring.pairRestore', { id: p.id }), '已恢复').then(refresh)}>恢复</Button></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {empty && <Text c="dimmed">回收站是空的。</Text>}
    </Stack>
  );
}
