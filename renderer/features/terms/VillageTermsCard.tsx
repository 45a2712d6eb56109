/** A village's 届次: 任期起止, 应换届时间, 换届完成日期 and who served in each term. */
import { Alert, Anchor, Badge, Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { TermRow } from '../../../shared/contract/terms.js';
import { invoke } from '../../api/client';
import { navigate } from '../../app/router';
import { useApi } from '../../components/useApi';
import { useDialogSave } from '../../components/useSubmit';

export function VillageTermsCard({ villageId, readOnly }: { villageId: string; readOnly: boolean }) {
  const terms = useApi('terms.villageTerms', { villageId });
  const [editing, setEditing] = useState<TermRow | 'new' | null>(null);
  const rows = terms.data ?? [];
  return (
    <Stack gap="xs" data-testid="village-terms">
      <Group justify="space-between">
        <Title order={2}>届次与换届</Title>
        {!readOnly && <Button size="xs" variant="light" onClick={() => setEditing('new')}>新增届次</Button>}
      </Group>
      {terms.error && <Alert color="red">{terms.error}</Alert>}
      {terms.data && rows.length === 0 && <Text size="sm" c="dimmed">尚未录入届次。录入后，提醒页在应换届前按设置的月数提示。</Text>}
      {rows.length > 0 && (
        <Table withTableBorder aria-label="届次">
          <Table.Thead>
            <Table.Tr><Table.Th>届次</Table.Th><Table.Th>任期</Table.Th><Table.Th>应换届时间</Table.Th><Table.Th>换届完成</Table.Th><Table.Th>班子（本届任职）</Table.Th><Table.Th /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>第 {t.number} 届</Table.Td>
                <Table.Td>{t.start}–{t.effectiveEnd}</Table.Td>
                <Table.Td>{t.effectiveDue}</Table.Td>
                <Table.Td>{t.completedOn || <Badge variant="light" color="orange">未完成</Badge>}</Table.Td>
                <Table.Td>
                  {t.team.length === 0 && <Text size="sm" c="dimmed">无任职记录</Text>}
                  {t.team.map((m, i) => (
                    <Text key={`${m.cadreId}-${i}`} size="sm">
                      <Anchor component="button" onClick={() => navigate(`/cadres/${m.cadreId}`)}>{m.name}</Anchor> {m.post}
                      {m.end && <Text span size="xs" c="dimmed">（{m.end} {m.leaveReason}）</Text>}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>{!readOnly && <Button size="compact-xs" variant="default" onClick={() => setEditing(t)}>修改</Button>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <TermModal
          villageId={villageId}
          term={editing === 'new' ? null : editing}
          nextNumber={(rows[0]?.number ?? 0) + 1}
          onClose={() => setEditing(null)}
          onDone={() => void terms.reload()}
        />
      )}
    </Stack>
  );
}

function TermModal({ villageId, term, nextNumber, onClose, onDone }: { villageId: string; term: TermRow | null; nextNumber: number; onClose: () => void; onDone: () => void }) {
  const [number, setNumber] = useState<number | string>(term?.number ?? nextNumber);
  const [start, setStart] = useState(term?.start ?? '');
  const [end, setEnd] = useState(term?.end ?? '');
  const [dueDate, setDue] = useState(term?.dueDate ?? '');
  const [completedOn, setCompleted] = useState(term?.completedOn ?? '');
  const { busy, fields, formError, save: saveWith } = useDialogSave(onClose, onDone);
  const save = () =>
    saveWith(async () => {
      await invoke('terms.saveTerm', { id: term?.id, data: { villageId, number: Number(number), start, end, dueDate, completedOn } });
    });
  return (
    <Modal opened onClose={onClose} title={term ? `修改第 ${term.number} 届` : '新增届次'}>
      <Stack>
        <NumberInput label="届次（第 N 届）" min={1} max={99} value={number} onChange={setNumber} error={fields.number} />
        <TextInput label="任期起" description="换届选举完成、班子产生之日，如 2021.06.15" value={start} onChange={(e) => setStart(e.currentTarget.value)} error={fields.start} />
        <TextInput label="任期止（可留空）" description="留空按“设置”中的任期年限计算" value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={fields.end} />
        <TextInput label="应换届时间（可留空）" description="留空即任期止" value={dueDate} onChange={(e) => setDue(e.currentTarget.value)} error={fields.dueDate} />
        <TextInput label="换届完成日期" description="本届任期结束的换届完成后填写；新增下一届时自动填为其任期起" value={completedOn} onChange={(e) => setCompleted(e.currentTarget.value)} error={fields.completedOn} />
        {formError && <Alert color="red">{formError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={() => void save()}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
