/** The activity log of a 智库 or 村居 pair: 座谈/实地指导/电话/培训 with hours, content and outcomes. */
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { ACTIVITY_FORMS, type Activity } from '../../../shared/domain/programs.js';
import { today } from '../../../shared/rules/dates.js';
import type { Finding } from '../../../shared/rules/programs.js';
import { DateField, notifyWarnings } from './common';

export function ActivityLog({
  activities,
  readOnly,
  onAdd,
  onRemove,
}: {
  activities: Activity[];
  readOnly?: boolean;
  onAdd: (data: Record<string, unknown>) => Promise<{ findings: Finding[] }>;
  onRemove: (a: Activity) => Promise<void>;
}) {
  const [date, setDate] = useState(today());
  const [form, setForm] = useState<string | null>('座谈');
  const [hours, setHours] = useState<number | string>(2);
  const [content, setContent] = useState('');
  const [outcomes, setOutcomes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const total = Math.round(activities.reduce((s, a) => s + a.hours, 0) * 10) / 10;

  async function add() {
    setBusy(true);
    setError(null);
    try {
      const r = await onAdd({ date, form, hours: Number(hours), content, outcomes });
      notifyWarnings(r.findings);
      setContent('');
      setOutcomes('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs">
      <Title order={5}>活动记录（{activities.length} 次，共 {total} 小时）</Title>
      <Table striped data-testid="activity-table">
        <Table.Thead>
          <Table.Tr><Table.Th>日期</Table.Th><Table.Th>形式</Table.Th><Table.Th>时长</Table.Th><Table.Th>内容</Table.Th><Table.Th>成效</Table.Th><Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {activities.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.date}</Table.Td>
              <Table.Td>{a.form}</Table.Td>
              <Table.Td>{a.hours} 小时</Table.Td>
              <Table.Td>{a.content}</Table.Td>
              <Table.Td>{a.outcomes}</Table.Td>
              <Table.Td>{!readOnly && <ActionIcon variant="subtle" color="red" aria-label={`删除 ${a.date} 的活动`} onClick={() => void onRemove(a)}>✕</ActionIcon>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!activities.length && <Text size="sm" c="dimmed">还没有活动记录。</Text>}
      {!readOnly && (
        <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
          <Group align="end" grow>
            <DateField label="活动日期" value={date} onChange={setDate} monthOk />
            <Select label="形式" data={[...ACTIVITY_FORMS]} value={form} onChange={setForm} allowDeselect={false} />
            <NumberInput label="时长（小时）" min={0} max={200} step={0.5} decimalScale={1} value={hours} onChange={setHours} />
          </Group>
          <Textarea label="活动内容" value={content} onChange={(e) => setContent(e.currentTarget.value)} autosize minRows={1} />
          <Textarea label="成效" value={outcomes} onChange={(e) => setOutcomes(e.currentTarget.value)} autosize minRows={1} />
          {error && <Text c="red" size="sm" role="alert">{error}</Text>}
          <Group justify="flex-end"><Button size="xs" loading={busy} onClick={() => void add()}>记录活动</Button></Group>
        </Stack>
      )}
    </Stack>
  );
}
