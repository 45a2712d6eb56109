/** 村居结对 (#/village-pairs): pairs, their activity logs, and pairs formed per year against the target. */
import { BarChart } from '@mantine/charts';
import { Alert, Anchor, Button, Card, Drawer, Group, Modal, NumberInput, SegmentedControl, Stack, Table, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { VillagePairRow } from '../../../../shared/contract/programs.js';
import { PAIR_STATUSES, PARTNER_KINDS } from '../../../../shared/domain/programs.js';
import { townName } from '../../../../shared/domain/towns.js';
import { invoke } from '../../../api/client';
import { VillagePicker } from '../../../components/pickers';
import { useApi } from '../../../components/useApi';
import { useLastShown } from '../../../components/useLastShown';
import { attempt, emptyFilter, FilterBar, FindingsList, notifyWarnings, StatusBadge, useFindings, type ListFilter } from '../common';
import { hasErrors } from '../../../../shared/rules/programs.js';
import { PairDetail } from '../PairDetail';
import { FirstUse, NoMatch } from '../../../components/EmptyState';

export function VillagePairsPage() {
  const pairs = useApi('villagePair.list', { deleted: false });
  const summary = useApi('villagePair.summary', {});
  const [tab, setTab] = useState<string | null>('pairs');
  const reload = () => {
    void pairs.reload();
    void summary.reload();
  };
  return (
    <Stack>
      <Title order={1}>村居结对</Title>
      {pairs.error && <Alert color="red">{pairs.error}</Alert>}
      <TargetChart rows={summary.data ?? []} onChanged={reload} />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="pairs">结对</Tabs.Tab>
          <Tabs.Tab value="bin">回收站</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pairs" pt="sm"><PairsList pairs={pairs.data ?? []} onChanged={reload} /></Tabs.Panel>
        <Tabs.Panel value="bin" pt="sm">{tab === 'bin' && <Bin onChanged={reload} />}</Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

type SummaryRow = { year: number; formed: number; active: number; target: number | null; activities: number; hours: number };

function TargetChart({ rows, onChanged }: { rows: SummaryRow[]; onChanged: () => void }) {
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [target, setTarget] = useState<number | string>('');
  useEffect(() => {
    const r = rows.find((x) => x.year === Number(year));
    setTarget(r?.target ?? '');
  }, [year, rows]);
  return (
    <Card withBorder>
      <Group justify="space-between" align="end" mb="sm">
        <Title order={2}>每年结对数与目标</Title>
        <Group align="end" gap="xs">
          <NumberInput label="年度" w={90} min={2000} max={2100} value={year} onChange={setYear} />
          <NumberInput label="目标（对）" w={100} min={0} max={1000} value={target} onChange={setTarget} />
          <Button
            size="sm"
            variant="light"
            onClick={() => void attempt(() => invoke('villagePair.setTarget', { year: Number(year), target: target === '' ? null : Number(target) }), `${year} 年目标已保存`).then((ok) => ok && onChanged())}
          >
            保存目标
          </Button>
        </Group>
      </Group>
      {rows.length > 0 ? (
        <BarChart
          h={220}
          data={rows.map((r) => ({ 年度: `${r.year}年`, 已结对: r.formed, 目标: r.target ?? 0 }))}
          dataKey="年度"
          withLegend
          series={[{ name: '已结对', color: 'blue.6' }, { name: '目标', color: 'gray.5' }]}
        />
      ) : (
        <Text c="dimmed">还没有结对或目标。</Text>
      )}
      <Table mt="sm" data-testid="village-pair-summary">
        <Table.Thead><Table.Tr><Table.Th>年度</Table.Th><Table.Th>已结对</Table.Th><Table.Th>目标</Table.Th><Table.Th>完成</Table.Th><Table.Th>进行中</Table.Th><Table.Th>活动次数</Table.Th><Table.Th>活动时长（小时）</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.year}>
              <Table.Td>{r.year}</Table.Td><Table.Td>{r.formed}</Table.Td><Table.Td>{r.target ?? '未设'}</Table.Td>
              <Table.Td c={r.target !== null && r.formed < r.target ? 'orange' : undefined}>{r.target ? `${Math.round((r.formed / r.target) * 100)}%` : ''}</Table.Td>
              <Table.Td>{r.active}</Table.Td><Table.Td>{r.activities}</Table.Td><Table.Td>{r.hours}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function PairsList({ pairs, onChanged }: { pairs: VillagePairRow[]; onChanged: () => void }) {
  const [filter, setFilter] = useState<ListFilter>(emptyFilter);
  const [editing, setEditing] = useState<VillagePairRow | 'new' | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const shown = pairs
    .filter((p) => (!filter.town || p.townCode === filter.town) && (!filter.year || String(p.year) === filter.year) && (!filter.status || p.status === filter.status))
    .sort((a, b) => b.year - a.year || a.helpedName.localeCompare(b.helpedName, 'zh-CN'));
  const open = pairs.find((p) => p.id === openId) ?? null;
  const openShown = useLastShown(open);
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <FilterBar value={filter} onChange={setFilter} years={pairs.map((p) => p.year)} statuses={PAIR_STATUSES} />
        <Button onClick={() => setEditing('new')}>新建结对</Button>
      </Group>
      <Table highlightOnHover data-testid="village-pair-table">
        <Table.Thead>
          <Table.Tr><Table.Th>被帮扶村（社区）</Table.Th><Table.Th>镇街</Table.Th><Table.Th>帮扶方</Table.Th><Table.Th>年度</Table.Th><Table.Th>目标</Table.Th><Table.Th>活动</Table.Th><Table.Th>状态</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((p) => (
            <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => setOpenId(p.id)}>
              <Table.Td><Anchor component="button" type="button" onClick={() => setOpenId(p.id)}>{p.helpedName}</Anchor></Table.Td>
              <Table.Td>{townName(p.townCode)}</Table.Td>
              <Table.Td>{p.partnerKind === '村（社区）' ? p.partnerLabel : `${p.partnerLabel}（${p.partnerKind}）`}</Table.Td>
              <Table.Td>{p.year}</Table.Td>
              <Table.Td><Text size="sm" lineClamp={1}>{p.goals}</Text></Table.Td>
              <Table.Td>{p.activities.length} 次 / {p.hours} 小时</Table.Td>
              <Table.Td><StatusBadge status={p.status} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!shown.length && (pairs.length ? <NoMatch what="结对" onClear={() => setFilter(emptyFilter)} /> : <FirstUse title="还没有村居结对">点“新建结对”，选择被帮扶的村（社区）和帮扶方，填写年度目标。</FirstUse>)}
      <PairForm pair={editing === 'new' ? null : editing} opened={editing !== null} onClose={() => setEditing(null)} onSaved={onChanged} />
      <Drawer opened={!!open} onClose={() => setOpenId(null)} position="right" size="xl" title={openShown ? `${openShown.partnerLabel} — ${openShown.helpedName}（${openShown.year}）` : ''}>
        {openShown && (
          <PairDetail
            program="villagePair"
            pair={openShown}
            heading={<>{openShown.year} 年 · 帮扶方：{openShown.partnerLabel}（{openShown.partnerKind}）</>}
            onEdit={() => setEditing(openShown)}
            onChanged={onChanged}
            onGone={() => setOpenId(null)}
          />
        )}
      </Drawer>
    </Stack>
  );
}

function PairForm({ pair, opened, onClose, onSaved }: { pair: VillagePairRow | null; opened: boolean; onClose: () => void; onSaved: () => void }) {
  const [helped, setHelped] = useState<string | null>(null);
  const [partnerKind, setPartnerKind] = useState<string>('村（社区）');
  const [partnerVillage, setPartnerVillage] = useState<string | null>(null);
  const [partnerName, setPartnerName] = useState('');
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [goals, setGoals] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!opened) return;
    setHelped(pair?.helpedVillageId ?? null);
    setPartnerKind(pair?.partnerKind ?? '村（社区）');
    setPartnerVillage(pair?.partnerVillageId ?? null);
    setPartnerName(pair?.partnerName ?? '');
    setYear(pair?.year ?? new Date().getFullYear());
    setGoals(pair?.goals ?? '');
    setError(null);
  }, [opened, pair]);
  const data = useMemo(
    () => ({ helpedVillageId: helped ?? '', partnerKind, partnerVillageId: partnerKind === '村（社区）' ? partnerVillage ?? undefined : undefined, partnerName, year: Number(year), goals }),
    [helped, partnerKind, partnerVillage, partnerName, year, goals],
  );
  const ready = !!helped && (partnerKind === '村（社区）' ? !!partnerVillage : !!partnerName.trim());
  const findings = useFindings('villagePair.check', opened && ready ? { id: pair?.id, data } : null);
  async function save() {
    setError(null);
    try {
      const r = pair ? await invoke('villagePair.update', { id: pair.id, data }) : await invoke('villagePair.create', { data });
      notifyWarnings(r.findings);
      onSaved();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={pair ? '编辑村居结对' : '新建村居结对'} size="lg">
      <Stack>
        <VillagePicker label="被帮扶村（社区）" value={helped} onChange={setHelped} />
        <SegmentedControl aria-label="帮扶方类型" data={[...PARTNER_KINDS]} value={partnerKind} onChange={setPartnerKind} />
        {partnerKind === '村（社区）' ? (
          <VillagePicker label="帮扶村（社区）" value={partnerVillage} onChange={setPartnerVillage} />
        ) : (
          <TextInput label={`帮扶${partnerKind}名称`} value={partnerName} onChange={(e) => setPartnerName(e.currentTarget.value)} />
        )}
        <NumberInput label="结对年度" min={2000} max={2100} value={year} onChange={setYear} w={120} />
        <Textarea label="结对目标" value={goals} onChange={(e) => setGoals(e.currentTarget.value)} autosize minRows={2} />
        <FindingsList findings={findings} />
        {error && <Text c="red" role="alert">{error}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button disabled={!ready || hasErrors(findings)} onClick={() => void save()}>保存结对</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Bin({ onChanged }: { onChanged: () => void }) {
  const { data, reload } = useApi('villagePair.list', { deleted: true });
  return (
    <Stack>
      <Table>
        <Table.Tbody>
          {(data ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.partnerLabel} — {p.helpedName}（{p.year}）</Table.Td>
              <Table.Td><Button size="xs" variant="light" onClick={() => void attempt(() => invoke('villagePair.restore', { id: p.id }), '已恢复').then(() => { void reload(); onChanged(); })}>恢复</Button></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!(data ?? []).length && <Text c="dimmed">回收站是空的。</Text>}
    </Stack>
  );
}
