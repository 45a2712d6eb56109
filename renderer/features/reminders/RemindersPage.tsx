/**
 * 提醒: what falls due, grouped by urgency; each item says why and opens its record.
 * 已处理 hides an item for good, 暂缓 until a day; both are audited and can be taken back.
 */
import { Alert, Anchor, Badge, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Reminder } from '../../../shared/contract/terms.js';
import { parseDay, today } from '../../../shared/rules/dates.js';
import { URGENCIES, type Urgency } from '../../../shared/rules/reminders.js';
import { invoke } from '../../api/client';
import { navigate } from '../../app/router';
import { useApi } from '../../components/useApi';
import { useDialogSave } from '../../components/useSubmit';

export const URGENCY_COLOR: Record<Urgency, string> = { 已逾期: 'red', '30天内': 'orange', 近期: 'blue' };

export function RemindersPage() {
  const [onInput, setOnInput] = useState(today());
  const parsed = parseDay(onInput);
  const on = parsed.ok ? parsed.value : '';
  const desk = useApi('reminders.list', { on });
  const [marking, setMarking] = useState<{ item: Reminder; status: '已处理' | '暂缓' } | null>(null);
  const groups = useMemo(() => URGENCIES.map((u) => ({ urgency: u, items: (desk.data?.items ?? []).filter((r) => r.urgency === u) })), [desk.data]);
  const unmark = async (key: string) => {
    await invoke('reminders.unmark', { key });
    void desk.reload();
  };
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={1}>提醒</Title>
        <TextInput label="截至日期" w={180} value={onInput} onChange={(e) => setOnInput(e.currentTarget.value)} error={parsed.ok ? undefined : '日期应写成 2026.12.03 的形式'} />
      </Group>
      <Text size="sm" c="dimmed">提醒条件（任期年限、提前月数、到龄上限、任现职年限）在“设置 → 任期与提醒”中调整。</Text>
      {desk.error && <Alert color="red">{desk.error}</Alert>}
      {desk.data && desk.data.items.length === 0 && <Alert color="green">截至 {desk.data.on} 没有待办提醒。</Alert>}
      {groups.map((g) =>
        g.items.length === 0 ? null : (
          <Card withBorder key={g.urgency} data-testid={`reminders-${g.urgency}`}>
            <Group mb="xs">
              <Title order={2}>{g.urgency}</Title>
              <Badge color={URGENCY_COLOR[g.urgency]}>{g.items.length} 项</Badge>
            </Group>
            <ReminderTable items={g.items} onMark={(item, status) => setMarking({ item, status })} />
          </Card>
        ),
      )}
      {desk.data && desk.data.marked.length > 0 && (
        <Card withBorder data-testid="reminders-marked">
          <Title order={2} mb="xs">已处理 / 暂缓（{desk.data.marked.length} 项）</Title>
          <Table>
            <Table.Tbody>
              {desk.data.marked.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td><Badge variant="light">{r.kind}</Badge></Table.Td>
                  <Table.Td>{r.message}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {r.mark.status === '暂缓' ? `暂缓至 ${r.mark.until}` : '已处理'}（{r.mark.operator}）{r.mark.note && <Text size="xs" c="dimmed">{r.mark.note}</Text>}
                  </Table.Td>
                  <Table.Td><Button size="compact-xs" variant="default" onClick={() => void unmark(r.key)}>恢复显示</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {marking && <MarkModal {...marking} onClose={() => setMarking(null)} onDone={() => void desk.reload()} />}
    </Stack>
  );
}

export function ReminderTable({ items, onMark }: { items: Reminder[]; onMark?: (r: Reminder, status: '已处理' | '暂缓') => void }) {
  return (
    <Table highlightOnHover aria-label="提醒">
      <Table.Thead>
        <Table.Tr><Table.Th w={130}>类别</Table.Th><Table.Th w={110}>到期</Table.Th><Table.Th>事由</Table.Th>{onMark && <Table.Th w={150} />}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((r) => (
          <Table.Tr key={r.key} data-reminder-kind={r.kind}>
            <Table.Td><Badge variant="light" color={URGENCY_COLOR[r.urgency]}>{r.kind}</Badge></Table.Td>
            <Table.Td>{r.due}</Table.Td>
            <Table.Td><Anchor component="button" ta="left" onClick={() => navigate(r.link)}>{r.message}</Anchor></Table.Td>
            {onMark && (
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="default" onClick={() => onMark(r, '已处理')}>已处理</Button>
                  <Button size="compact-xs" variant="default" onClick={() => onMark(r, '暂缓')}>暂缓</Button>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function MarkModal({ item, status, onClose, onDone }: { item: Reminder; status: '已处理' | '暂缓'; onClose: () => void; onDone: () => void }) {
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const { busy, fields, formError, save: saveWith } = useDialogSave(onClose, onDone);
  const save = () =>
    saveWith(async () => {
      await invoke('reminders.mark', { data: { key: item.key, status, until: status === '暂缓' ? until : '', note } });
    });
  return (
    <Modal opened onClose={onClose} title={status === '暂缓' ? '暂缓提醒' : '标记为已处理'}>
      <Stack>
        <Text size="sm">{item.message}</Text>
        {status === '暂缓' && <TextInput label="暂缓至" description="到这一天重新显示，如 2027.01.15" value={until} onChange={(e) => setUntil(e.currentTarget.value)} error={fields.until} data-autofocus />}
        <TextInput label="说明（可不填）" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fields.note} />
        {formError && <Alert color="red">{formError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={() => void save()}>确定</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
