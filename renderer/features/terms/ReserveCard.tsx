/** The cadre page's 后备干部 section: stage, 培养措施, 培养联系人, yearly 评价; one dialog to enter or move on. */
import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { RESERVE_GRADES, type ReserveRecord, type ReserveStage } from '../../../shared/domain/reserves.js';
import { today } from '../../../shared/rules/dates.js';
import { nextReserveStages } from '../../../shared/rules/reserves.js';
import { invoke } from '../../api/client';
import { useApi } from '../../components/useApi';
import { useDialogSave } from '../../components/useSubmit';

export function ReserveCard({ cadreId, readOnly }: { cadreId: string; readOnly: boolean }) {
  const record = useApi('reserves.get', { cadreId });
  const [editing, setEditing] = useState(false);
  const r = record.data;
  return (
    <Stack gap="xs" data-testid="reserve-card">
      {record.error && <Alert color="red">{record.error}</Alert>}
      <Group justify="space-between">
        {r ? (
          <Group gap="xs">
            <Badge color={r.stage === '退出' ? 'gray' : r.stage === '已使用' ? 'green' : 'blue'}>{r.stage}</Badge>
            <Text size="sm">入库 {r.enteredOn}　本阶段自 {r.stageOn}{r.usedAs && `　任用为 ${r.usedAs}`}{r.exitReason && `　退出原因：${r.exitReason}`}</Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">未列入后备干部库。</Text>
        )}
        {!readOnly && record.data !== undefined && <Button size="xs" variant="light" onClick={() => setEditing(true)}>{r ? '变更 / 评价' : '入库'}</Button>}
      </Group>
      {r && (
        <>
          <Text size="sm">培养措施：{r.measures || '—'}　培养联系人：{r.contact || '—'}</Text>
          {r.evaluations.length > 0 && (
            <Table aria-label="后备干部年度评价">
              <Table.Thead><Table.Tr><Table.Th>年度</Table.Th><Table.Th>评价</Table.Th><Table.Th>说明</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {[...r.evaluations].sort((a, b) => b.year - a.year).map((e) => (
                  <Table.Tr key={e.year}><Table.Td>{e.year}</Table.Td><Table.Td>{e.grade}</Table.Td><Table.Td>{e.comment}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
      {editing && <ReserveModal cadreId={cadreId} record={r ?? null} onClose={() => setEditing(false)} onDone={() => void record.reload()} />}
    </Stack>
  );
}

function ReserveModal({ cadreId, record, onClose, onDone }: { cadreId: string; record: ReserveRecord | null; onClose: () => void; onDone: () => void }) {
  const stages: ReserveStage[] = record ? [record.stage, ...nextReserveStages(record.stage)] : ['入库'];
  const [stage, setStage] = useState<ReserveStage>(record?.stage ?? '入库');
  const [enteredOn, setEnteredOn] = useState(record?.enteredOn ?? today());
  const [stageOn, setStageOn] = useState(record?.stageOn ?? today());
  const [measures, setMeasures] = useState(record?.measures ?? '');
  const [contact, setContact] = useState(record?.contact ?? '');
  const [usedAs, setUsedAs] = useState(record?.usedAs ?? '');
  const [exitReason, setExitReason] = useState(record?.exitReason ?? '');
  const [evalYear, setEvalYear] = useState(String(Number(today().slice(0, 4)) - 1));
  const [evalGrade, setEvalGrade] = useState<string | null>(null);
  const [evalComment, setEvalComment] = useState('');
  const { busy, fields, formError, save: saveWith } = useDialogSave(onClose, onDone);
  const save = () =>
    saveWith(async () => {
      const evaluations = [...(record?.evaluations ?? [])];
      if (evalGrade) evaluations.push({ year: Number(evalYear), grade: evalGrade as (typeof RESERVE_GRADES)[number], comment: evalComment });
      await invoke('reserves.save', { cadreId, data: { stage, enteredOn, stageOn: stage === record?.stage ? record.stageOn : stageOn, measures, contact, usedAs, exitReason, evaluations } });
    });
  return (
    <Modal opened onClose={onClose} title={record ? '后备干部：变更阶段 / 年度评价' : '后备干部入库'} size="lg">
      <Stack>
        <Group grow>
          <Select label="阶段" data={stages} value={stage} onChange={(v) => v && setStage(v)} allowDeselect={false} error={fields.stage} comboboxProps={{ withinPortal: true }} />
          {!record && <TextInput label="入库时间" value={enteredOn} onChange={(e) => setEnteredOn(e.currentTarget.value)} error={fields.enteredOn} />}
          {(!record || stage !== record.stage) && <TextInput label="阶段日期" value={stageOn} onChange={(e) => setStageOn(e.currentTarget.value)} error={fields.stageOn} />}
        </Group>
        {stage === '已使用' && <TextInput label="任用为" value={usedAs} onChange={(e) => setUsedAs(e.currentTarget.value)} error={fields.usedAs} />}
        {stage === '退出' && <TextInput label="退出原因" value={exitReason} onChange={(e) => setExitReason(e.currentTarget.value)} error={fields.exitReason} />}
        <Textarea label="培养措施" value={measures} onChange={(e) => setMeasures(e.currentTarget.value)} error={fields.measures} />
        <TextInput label="培养联系人" value={contact} onChange={(e) => setContact(e.currentTarget.value)} error={fields.contact} />
        {record && (
          <Group grow align="end">
            <TextInput label="新增年度评价：年度" value={evalYear} onChange={(e) => setEvalYear(e.currentTarget.value)} />
            <Select label="等次" data={[...RESERVE_GRADES]} value={evalGrade} onChange={setEvalGrade} clearable comboboxProps={{ withinPortal: true }} />
            <TextInput label="说明" value={evalComment} onChange={(e) => setEvalComment(e.currentTarget.value)} />
          </Group>
        )}
        {Object.keys(fields).some((k) => k.startsWith('evaluations')) && <Alert color="red">{Object.entries(fields).find(([k]) => k.startsWith('evaluations'))?.[1]}</Alert>}
        {formError && <Alert color="red">{formError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={() => void save()}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
