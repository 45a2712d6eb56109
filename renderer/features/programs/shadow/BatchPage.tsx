/** One 书记跟班 batch: its hosts, the placements table, a timeline across hosts, and the actions. */
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Menu, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { PlacementRow } from '../../../../shared/contract/programs.js';
import { invoke, saveBytes } from '../../../api/client';
import { navigate } from '../../../app/router';
import { useApi } from '../../../components/useApi';
import { useLastShown } from '../../../components/useLastShown';
import { attempt, CloseModal, StatusBadge } from '../common';
import { BatchForm } from './BatchForm';
import { batchPhase } from './batchPhase';
import { FinishForm, PlacementForm } from './PlacementForms';
import { PlacementTimeline } from './PlacementTimeline';
import { RosterImport } from './RosterImport';

export function BatchPage({ id }: { id: string }) {
  const { data, error, loading, reload } = useApi('shadow.batchGet', { id });
  const [editOpen, setEditOpen] = useState(false);
  const [placing, setPlacing] = useState<PlacementRow | 'new' | null>(null);
  const [finishing, setFinishing] = useState<PlacementRow | null>(null);
  const [stopping, setStopping] = useState<PlacementRow | null>(null);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [removing, setRemoving] = useState<PlacementRow | null>(null);
  const stoppingShown = useLastShown(stopping);
  const removingShown = useLastShown(removing);
  const [importOpen, setImportOpen] = useState(false);

  if (loading && !data) return <Loader />;
  if (error || !data) return <Alert color="red">{error ?? '找不到该期次'}</Alert>;
  const { batch, placements } = data;
  const phase = batchPhase(batch);
  const closed = !!batch.cancelled || !!batch.deletedAt;

  async function exportRoster() {
    await attempt(async () => {
      const r = await invoke('shadow.exportRoster', { batchId: batch.id });
      await saveBytes(r.fileName, r.base64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    });
  }

  return (
    <Stack>
      <Anchor size="sm" href="#/shadow">← 全部期次</Anchor>
      <Group justify="space-between" align="start">
        <div>
          <Group gap="xs">
            <Title order={1}>{batch.name}</Title>
            <StatusBadge status={phase} />
            {batch.youth && <Badge variant="outline">青年干部期次</Badge>}
            {batch.deletedAt && <Badge color="gray">在回收站中</Badge>}
          </Group>
          <Text c="dimmed" size="sm">{batch.start}–{batch.end} · {batch.hosts.length} 个跟班单位 · 已安排 {batch.placed}/{batch.capacity} 人</Text>
          {batch.cancelled && <Text c="red" size="sm">已于 {batch.cancelled.date} 取消：{batch.cancelled.reason}</Text>}
        </div>
        <Group>
          {!closed && <Button onClick={() => setPlacing('new')}>安排干部</Button>}
          {!closed && <Button variant="light" onClick={() => setImportOpen(true)}>导入花名册</Button>}
          <Button variant="light" onClick={() => void exportRoster()}>导出花名册</Button>
          {!closed && <Button variant="default" onClick={() => setEditOpen(true)}>编辑期次</Button>}
          {!closed && <Button variant="subtle" color="red" onClick={() => setCancelOpen(true)}>取消期次</Button>}
          {!batch.deletedAt && (
            <Button variant="subtle" color="gray" onClick={() => void attempt(() => invoke('shadow.batchDelete', { id: batch.id }), `已将“${batch.name}”移入回收站`).then((ok) => ok && navigate('/shadow'))}>移入回收站</Button>
          )}
        </Group>
      </Group>

      <Card withBorder>
        <Title order={2} mb="xs">跟班单位</Title>
        <Table>
          <Table.Thead>
            <Table.Tr><Table.Th>单位</Table.Th><Table.Th>类型</Table.Th><Table.Th>导师</Table.Th><Table.Th>已安排 / 容量</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batch.hosts.map((h) => {
              const used = placements.filter((p) => p.hostKey === h.key && p.status !== '中止');
              return (
                <Table.Tr key={h.key}>
                  <Table.Td>{batch.hostLabels[h.key]}</Table.Td>
                  <Table.Td>{h.kind}</Table.Td>
                  <Table.Td>{batch.mentorLabels[h.key] || '未指定'}</Table.Td>
                  <Table.Td c={used.length >= h.capacity ? 'orange' : undefined}>{used.length} / {h.capacity}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Card>

      <Card withBorder>
        <Title order={2} mb="xs">时间轴</Title>
        {placements.length ? <PlacementTimeline batch={batch} placements={placements} /> : <Text c="dimmed">本期还没有安排干部。</Text>}
      </Card>

      <Card withBorder>
        <Title order={2} mb="xs">跟班人员</Title>
        <Table striped data-testid="placements-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>姓名</Table.Th><Table.Th>所在村（社区）</Table.Th><Table.Th>跟班单位</Table.Th><Table.Th>起止</Table.Th>
              <Table.Th>状态</Table.Th><Table.Th>等次</Table.Th><Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {placements.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td><Anchor href={`#/cadres/${p.cadreId}`}>{p.cadreName}</Anchor></Table.Td>
                <Table.Td>{p.cadreVillageName}</Table.Td>
                <Table.Td>{p.hostLabel}</Table.Td>
                <Table.Td>{p.start}–{p.end}</Table.Td>
                <Table.Td><StatusBadge status={p.status} />{p.stopped && <Text size="xs" c="dimmed">{p.stopped.reason}</Text>}</Table.Td>
                <Table.Td>{p.evaluation?.grade ?? ''}</Table.Td>
                <Table.Td>
                  <Menu position="bottom-end">
                    <Menu.Target><Button size="xs" variant="subtle" aria-label={`${p.cadreName} 的操作`}>操作</Button></Menu.Target>
                    <Menu.Dropdown>
                      {p.status === '计划' && <Menu.Item onClick={() => void attempt(() => invoke('shadow.placementStart', { id: p.id }), `${p.cadreName} 已到岗`).then(() => reload())}>到岗</Menu.Item>}
                      {(p.status === '计划' || p.status === '在岗' || p.status === '结业') && <Menu.Item onClick={() => setFinishing(p)}>{p.status === '结业' ? '修改结业评价' : '结业评价'}</Menu.Item>}
                      {(p.status === '计划' || p.status === '在岗') && <Menu.Item onClick={() => setStopping(p)}>中止</Menu.Item>}
                      {p.status !== '中止' && <Menu.Item onClick={() => setPlacing(p)}>修改</Menu.Item>}
                      <Menu.Item color="red" onClick={() => setRemoving(p)}>移入回收站</Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {batch.note && <Text size="sm" mt="sm">备注：{batch.note}</Text>}
      </Card>

      <BatchForm batch={batch} opened={editOpen} onClose={() => setEditOpen(false)} onSaved={() => { setEditOpen(false); void reload(); }} />
      <PlacementForm batch={batch} placements={placements} editing={placing === 'new' ? null : placing} opened={placing !== null} onClose={() => setPlacing(null)} onSaved={() => void reload()} />
      <RosterImport batchId={batch.id} opened={importOpen} onClose={() => setImportOpen(false)} onDone={() => void reload()} />
      <FinishForm placement={finishing} onClose={() => setFinishing(null)} onSaved={() => void reload()} />
      <CloseModal
        opened={!!stopping}
        title={`中止跟班：${stoppingShown?.cadreName ?? ''}`}
        dateLabel="中止日期"
        monthOk={false}
        confirmLabel="中止跟班"
        onClose={() => setStopping(null)}
        onConfirm={async (date, reason) => {
          await invoke('shadow.placementStop', { id: stopping!.id, date, reason });
          void reload();
        }}
      />
      <CloseModal
        opened={cancelOpen}
        title={`取消期次：${batch.name}`}
        dateLabel="取消日期"
        monthOk={false}
        confirmLabel="取消期次"
        onClose={() => setCancelOpen(false)}
        onConfirm={async (date, reason) => {
          await invoke('shadow.batchCancel', { id: batch.id, date, reason });
          void reload();
        }}
      />
      <Modal opened={!!removing} onClose={() => setRemoving(null)} title="移入回收站">
        <Text mb="md">将 {removingShown?.cadreName} 在本期的跟班安排移入回收站？可在“回收站”中恢复。</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setRemoving(null)}>取消</Button>
          <Button color="red" onClick={() => void attempt(() => invoke('shadow.placementDelete', { id: removing!.id }), '已移入回收站').then(() => { setRemoving(null); void reload(); })}>移入回收站</Button>
        </Group>
      </Modal>
    </Stack>
  );
}
