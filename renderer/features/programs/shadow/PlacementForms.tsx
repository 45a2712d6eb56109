/** Placing a cadre at a host (with live rule findings) and the 结业 evaluation. */
import { Button, Group, Modal, SegmentedControl, Select, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { PlacementRow, ShadowBatchRow } from '../../../../shared/contract/programs.js';
import { EVALUATION_GRADES } from '../../../../shared/domain/programs.js';
import { invoke } from '../../../api/client';
import { CadrePicker } from '../../../components/pickers';
import { useSubmit } from '../../../components/useSubmit';
import { DateField, FindingsList, notifyWarnings, useFindings } from '../common';
import { hasErrors } from '../../../../shared/rules/programs.js';

export function PlacementForm({
  batch,
  placements,
  editing,
  opened,
  onClose,
  onSaved,
}: {
  batch: ShadowBatchRow;
  placements: PlacementRow[];
  editing: PlacementRow | null;
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [cadreId, setCadreId] = useState<string | null>(null);
  const [hostKey, setHostKey] = useState<string | null>(null);
  const [start, setStart] = useState(batch.start);
  const [end, setEnd] = useState(batch.end);
  const [goals, setGoals] = useState('');
  const { busy: saving, error, setError, run } = useSubmit();

  useEffect(() => {
    if (!opened) return;
    setCadreId(editing?.cadreId ?? null);
    setHostKey(editing?.hostKey ?? (batch.hosts.length === 1 ? batch.hosts[0].key : null));
    setStart(editing?.start ?? batch.start);
    setEnd(editing?.end ?? batch.end);
    setGoals(editing?.goals ?? '');
    setError(null);
  }, [opened, editing, batch, setError]);

  const data = useMemo(() => ({ batchId: batch.id, hostKey: hostKey ?? '', cadreId: cadreId ?? '', start, end, goals }), [batch.id, hostKey, cadreId, start, end, goals]);
  const checkInput = useMemo(() => (opened && cadreId && hostKey ? { id: editing?.id, data } : null), [opened, cadreId, hostKey, data, editing]);
  const findings = useFindings('shadow.placementCheck', checkInput);

  const hostOptions = batch.hosts.map((h) => {
    const used = placements.filter((p) => p.hostKey === h.key && p.status !== '中止' && p.id !== editing?.id).length;
    return { value: h.key, label: `${batch.hostLabels[h.key]}（已安排 ${used}/${h.capacity}）` };
  });

  const save = () =>
    run(async () => {
      const r = editing ? await invoke('shadow.placementUpdate', { id: editing.id, data }) : await invoke('shadow.placementCreate', { data });
      notifyWarnings(r.findings);
      onSaved();
      onClose();
    });

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? `修改跟班安排：${editing.cadreName}` : `安排跟班：${batch.name}`} size="lg">
      <Stack>
        <CadrePicker label="跟班干部" value={cadreId} onChange={setCadreId} disabled={!!editing} required />
        <Select label="跟班单位" data={hostOptions} value={hostKey} onChange={setHostKey} required allowDeselect={false} />
        <Group grow>
          <DateField label="开始日期" value={start} onChange={setStart} />
          <DateField label="结束日期" value={end} onChange={setEnd} />
        </Group>
        <Textarea label="跟班目标" value={goals} onChange={(e) => setGoals(e.currentTarget.value)} autosize minRows={2} />
        <FindingsList findings={findings} />
        {error && <Text c="red" role="alert">{error}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={saving} disabled={!cadreId || !hostKey || hasErrors(findings)} onClick={() => void save()}>保存安排</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function FinishForm({ placement, onClose, onSaved }: { placement: PlacementRow | null; onClose: () => void; onSaved: () => void }) {
  const [grade, setGrade] = useState<string>('合格');
  const [mentorComment, setMentorComment] = useState('');
  const [reflection, setReflection] = useState('');
  const [attachments, setAttachments] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Keeps the title while the dialog fades out after the placement is cleared.
  const [shown, setShown] = useState<PlacementRow | null>(null);
  useEffect(() => {
    if (!placement) return;
    setShown(placement);
    setGrade(placement.evaluation?.grade ?? '合格');
    setMentorComment(placement.evaluation?.mentorComment ?? '');
    setReflection(placement.evaluation?.reflection ?? '');
    setAttachments(placement.evaluation?.attachments ?? []);
    setError(null);
  }, [placement]);

  async function save() {
    if (!placement) return;
    setSaving(true);
    try {
      await invoke('shadow.placementFinish', { id: placement.id, evaluation: { grade, mentorComment, reflection, attachments } });
      onSaved();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={!!placement} onClose={onClose} title={`结业评价：${shown?.cadreName ?? ''}（${shown?.hostLabel ?? ''}）`} size="lg">
      <Stack>
        <div>
          <Text size="sm" fw={500} mb={4}>等次</Text>
          <SegmentedControl aria-label="等次" data={[...EVALUATION_GRADES]} value={grade} onChange={setGrade} />
        </div>
        <Textarea label="导师评语" value={mentorComment} onChange={(e) => setMentorComment(e.currentTarget.value)} autosize minRows={2} />
        <Textarea label="心得体会" value={reflection} onChange={(e) => setReflection(e.currentTarget.value)} autosize minRows={3} />
        <TagsInput label="附件（文件名，按回车添加）" placeholder="如 跟班心得.docx" value={attachments} onChange={setAttachments} />
        {error && <Text c="red" role="alert">{error}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={saving} onClick={() => void save()}>确认结业</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
