/**
 * A cadre's 任职经历 on the cadre page: every post with 任职 / 离任, and the two actions.
 * The file's 村职务 and 任现职时间 follow from here, so after a change the page reloads the file.
 */
import { Alert, Badge, Button, Checkbox, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PostRecordRow } from '../../../shared/contract/terms.js';
import { VILLAGE_POSTS } from '../../../shared/domain/codes.js';
import { LEAVE_REASONS } from '../../../shared/domain/terms.js';
import { townName } from '../../../shared/domain/towns.js';
import { today } from '../../../shared/rules/dates.js';
import { invoke } from '../../api/client';
import { VillagePicker } from '../../components/pickers';
import { useApi } from '../../components/useApi';
import { useDialogSave } from '../../components/useSubmit';


export function PostHistoryCard({ cadreId, readOnly, onChanged }: { cadreId: string; readOnly: boolean; onChanged: () => void }) {
  const history = useApi('terms.history', { cadreId });
  const [leaving, setLeaving] = useState<PostRecordRow | null>(null);
  const [appointing, setAppointing] = useState(false);
  const changed = () => {
    void history.reload();
    onChanged();
  };
  const rows = history.data ?? [];
  const former = rows.length > 0 && rows.every((r) => r.end);
  return (
    <Stack gap="xs" data-testid="post-history">
      {history.error && <Alert color="red">{history.error}</Alert>}
      <Group justify="space-between">
        <Group gap="xs">
          {former && <Badge color="gray" data-testid="former-badge">历史任职干部（已离任）</Badge>}
          {rows.length === 0 && <Text size="sm" c="dimmed">尚无任职经历记录。办理任职后，村职务和任现职时间由此得出。</Text>}
        </Group>
        {!readOnly && <Button size="xs" variant="light" onClick={() => setAppointing(true)}>任职</Button>}
      </Group>
      {rows.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr><Table.Th>村（社区）</Table.Th><Table.Th>职务</Table.Th><Table.Th>任职时间</Table.Th><Table.Th>依据</Table.Th><Table.Th>离任</Table.Th><Table.Th /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{townName(r.townCode)}{r.villageName}</Table.Td>
                <Table.Td>{r.post}</Table.Td>
                <Table.Td>{r.start || '不详'}</Table.Td>
                <Table.Td>{r.basis}</Table.Td>
                <Table.Td>
                  {r.end ? (
                    <>
                      {r.end} · {r.leaveReason}
                      {r.destination && <Text size="xs" c="dimmed">去向：{r.destination}</Text>}
                      {r.leaveBasis && <Text size="xs" c="dimmed">依据：{r.leaveBasis}</Text>}
                    </>
                  ) : (
                    <Badge color="green" variant="light">在任</Badge>
                  )}
                </Table.Td>
                <Table.Td>{!r.end && !readOnly && <Button size="compact-xs" variant="default" onClick={() => setLeaving(r)}>离任</Button>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {leaving && <LeaveModal record={leaving} onClose={() => setLeaving(null)} onDone={changed} />}
      {appointing && <AppointModal cadreId={cadreId} onClose={() => setAppointing(false)} onDone={changed} />}
    </Stack>
  );
}

function LeaveModal({ record, onClose, onDone }: { record: PostRecordRow; onClose: () => void; onDone: () => void }) {
  const [end, setEnd] = useState(today());
  const [leaveReason, setReason] = useState<string | null>(null);
  const [destination, setDestination] = useState('');
  const [leaveBasis, setBasis] = useState('');
  const [closeResume, setCloseResume] = useState(true);
  const { busy, fields, formError, save: saveWith } = useDialogSave(onClose, onDone);
  const save = () =>
    saveWith(async () => {
      await invoke('terms.leave', { recordId: record.id, data: { end, leaveReason: leaveReason ?? '', destination, leaveBasis }, closeResume });
    });
  return (
    <Modal opened onClose={onClose} title={`离任：${record.villageName}${record.post}`}>
      <Stack>
        <TextInput label="离任时间" description="如 2026.11.30" value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={fields.end} data-autofocus />
        <Select label="离任原因" data={[...LEAVE_REASONS]} value={leaveReason} onChange={setReason} error={fields.leaveReason} comboboxProps={{ withinPortal: true }} />
        <TextInput label="去向" value={destination} onChange={(e) => setDestination(e.currentTarget.value)} error={fields.destination} />
        <TextInput label="文件号 / 依据" value={leaveBasis} onChange={(e) => setBasis(e.currentTarget.value)} error={fields.leaveBasis} />
        <Checkbox label="简历中该职务的“至今”改为离任年月" checked={closeResume} onChange={(e) => setCloseResume(e.currentTarget.checked)} />
        <Text size="xs" c="dimmed">离任不删除档案：全部职务离任后，该干部列为“历史任职干部”，仍可查找。</Text>
        {formError && <Alert color="red">{formError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={() => void save()}>确认离任</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function AppointModal({ cadreId, onClose, onDone }: { cadreId: string; onClose: () => void; onDone: () => void }) {
  const [villageId, setVillageId] = useState<string | null>(null);
  const [post, setPost] = useState<string | null>(null);
  const [start, setStart] = useState(today());
  const [basis, setBasis] = useState('');
  const [appendResume, setAppendResume] = useState(true);
  const { busy, fields, formError, save: saveWith } = useDialogSave(onClose, onDone);
  const save = () =>
    saveWith(async () => {
      await invoke('terms.appoint', { cadreId, data: { villageId: villageId ?? '', post: post ?? '', start, basis }, appendResume });
    });
  return (
    <Modal opened onClose={onClose} title="任职">
      <Stack>
        <VillagePicker label="村（社区）" value={villageId} onChange={setVillageId} error={fields.villageId} />
        <Select label="职务" data={[...VILLAGE_POSTS]} value={post} onChange={setPost} error={fields.post} comboboxProps={{ withinPortal: true }} />
        <TextInput label="任职时间" description="如 2026.11.30 或 2026.11" value={start} onChange={(e) => setStart(e.currentTarget.value)} error={fields.start} />
        <TextInput label="文件号 / 依据" description="选举结果、任命文件等" value={basis} onChange={(e) => setBasis(e.currentTarget.value)} error={fields.basis} />
        <Checkbox label="在简历末尾追加一行（自任职年月至今）" checked={appendResume} onChange={(e) => setAppendResume(e.currentTarget.checked)} />
        {formError && <Alert color="red">{formError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={() => void save()}>确认任职</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
