/**
 * The activity log of a 智库 or 村居 pair: 座谈/实地指导/电话/培训 with hours, content and outcomes.
 * One form below the table adds an activity, or, after 修改 on a row, edits that one in place.
 */
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { ACTIVITY_FORMS, type Activity } from '../../../shared/domain/programs.js';
import { today } from '../../../shared/rules/dates.js';
import type { Finding } from '../../../shared/rules/programs.js';
import { useSubmit } from '../../components/useSubmit';
import { DateField, notifyOk, notifyWarnings } from './common';

interface Draft {
  date: string;
  form: string | null;
  hours: number | string;
  content: string;
  outcomes: string;
}

const fresh = (): Draft => ({ date: today(), form: '座谈', hours: 2, content: '', outcomes: '' });

export function ActivityLog({
  activities,
  readOnly,
  onAdd,
  onUpdate,
  onRemove,
}: {
  activities: Activity[];
  readOnly?: boolean;
  onAdd: (data: Record<string, unknown>) => Promise<{ findings: Finding[] }>;
  onUpdate: (a: Activity, data: Record<string, unknown>) => Promise<{ findings: Finding[] }>;
  onRemove: (a: Activity) => Promise<void>;
}) {
  const [draft, setDraft] = useState<Draft>(fresh);
  const [editing, setEditing] = useState<Activity | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const total = Math.round(activities.reduce((s, a) => s + a.hours, 0) * 10) / 10;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  function startEdit(a: Activity) {
    setEditing(a);
    setDraft({ date: a.date, form: a.form, hours: a.hours, content: a.content, outcomes: a.outcomes });
    setError(null);
  }

  function stopEdit() {
    setEditing(null);
    setDraft(fresh());
    setError(null);
  }

  async function save() {
    const data = { date: draft.date, form: draft.form, hours: Number(draft.hours), content: draft.content, outcomes: draft.outcomes };
    await run(async () => {
      if (editing) {
        const r = await onUpdate(editing, data);
        notifyWarnings(r.findings);
        if (!r.findings.length) notifyOk(`已保存 ${data.date} 的活动修改`);
        stopEdit();
      } else {
        const r = await onAdd(data);
        notifyWarnings(r.findings);
        set({ content: '', outcomes: '' });
      }
    });
  }

  return (
    <Stack gap="xs">
      <Title order={3}>活动记录（{activities.length} 次，共 {total} 小时）</Title>
      <Table striped data-testid="activity-table">
        <Table.Thead>
          <Table.Tr><Table.Th>日期</Table.Th><Table.Th>形式</Table.Th><Table.Th>时长</Table.Th><Table.Th>内容</Table.Th><Table.Th>成效</Table.Th><Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {activities.map((a) => (
            <Table.Tr key={a.id} bg={editing?.id === a.id ? 'var(--mantine-color-yellow-0)' : undefined}>
              <Table.Td>{a.date}</Table.Td>
              <Table.Td>{a.form}</Table.Td>
              <Table.Td>{a.hours} 小时</Table.Td>
              <Table.Td>{a.content}</Table.Td>
              <Table.Td>{a.outcomes}</Table.Td>
              <Table.Td>
                {!readOnly && (
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`修改 ${a.date} 的活动`} title="修改" onClick={() => startEdit(a)}>✎</ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`删除 ${a.date} 的活动`}
                      title="删除"
                      onClick={() => {
                        if (editing?.id === a.id) stopEdit();
                        void onRemove(a);
                      }}
                    >
                      ✕
                    </ActionIcon>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!activities.length && <Text size="sm" c="dimmed">还没有活动记录。</Text>}
      {!readOnly && (
        <Stack
          gap="xs"
          p="sm"
          data-testid="activity-form"
          style={{ border: `1px solid var(--mantine-color-${editing ? 'yellow-5' : 'gray-3'})`, borderRadius: 6 }}
        >
          {editing && <Text size="sm" fw={600}>修改活动：{editing.date} {editing.form}</Text>}
          <Group align="end" grow>
            <DateField label="活动日期" value={draft.date} onChange={(date) => set({ date })} monthOk />
            <Select label="形式" data={[...ACTIVITY_FORMS]} value={draft.form} onChange={(form) => set({ form })} allowDeselect={false} />
            <NumberInput label="时长（小时）" min={0} max={200} step={0.5} decimalScale={1} value={draft.hours} onChange={(hours) => set({ hours })} />
          </Group>
          <Textarea label="活动内容" value={draft.content} onChange={(e) => set({ content: e.currentTarget.value })} autosize minRows={1} />
          <Textarea label="成效" value={draft.outcomes} onChange={(e) => set({ outcomes: e.currentTarget.value })} autosize minRows={1} />
          {error && <Text c="red" size="sm" role="alert">{error}</Text>}
          <Group justify="flex-end">
            {editing && <Button size="xs" variant="default" onClick={stopEdit}>取消修改</Button>}
            <Button size="xs" loading={busy} onClick={() => void save()}>{editing ? '保存修改' : '记录活动'}</Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
