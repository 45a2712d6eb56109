/** Forms of 智库结对: an expert, and a pair (一对一 / 多对一) with its rules checked as the user types. */
import { Button, Group, Modal, MultiSelect, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { ExpertRow, MentorPairRow } from '../../../../shared/contract/programs.js';
import { EXPERT_FIELDS } from '../../../../shared/domain/programs.js';
import { invoke } from '../../../api/client';
import { CadrePicker, VillagePicker } from '../../../components/pickers';
import { useSubmit } from '../../../components/useSubmit';
import { DateField, FindingsList, notifyWarnings, useFindings } from '../common';
import { hasErrors } from '../../../../shared/rules/programs.js';

export function ExpertForm({ expert, opened, onClose, onSaved }: { expert: ExpertRow | null; opened: boolean; onClose: () => void; onSaved: () => void }) {
  const [d, setD] = useState({ name: '', unit: '', title: '', fields: [] as string[], phone: '', joined: '', note: '' });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (opened) {
      setD(expert ? { name: expert.name, unit: expert.unit, title: expert.title, fields: expert.fields, phone: expert.phone, joined: expert.joined, note: expert.note } : { name: '', unit: '', title: '', fields: [], phone: '', joined: '', note: '' });
      setError(null);
    }
  }, [opened, expert]);
  async function save() {
    try {
      if (expert) await invoke('mentoring.expertUpdate', { id: expert.id, data: d });
      else await invoke('mentoring.expertCreate', { data: d });
      onSaved();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={expert ? `编辑专家：${expert.name}` : '新增智库专家'}>
      <Stack>
        <TextInput label="姓名" required value={d.name} onChange={(e) => setD({ ...d, name: e.currentTarget.value })} />
        <TextInput label="单位" value={d.unit} onChange={(e) => setD({ ...d, unit: e.currentTarget.value })} />
        <TextInput label="职称/职务" value={d.title} onChange={(e) => setD({ ...d, title: e.currentTarget.value })} />
        <MultiSelect label="专业领域" data={[...EXPERT_FIELDS]} value={d.fields} onChange={(fields) => setD({ ...d, fields })} />
        <TextInput label="联系电话" value={d.phone} onChange={(e) => setD({ ...d, phone: e.currentTarget.value })} />
        <DateField label="加入智库时间" required monthOk value={d.joined} onChange={(joined) => setD({ ...d, joined })} />
        <Textarea label="备注" value={d.note} onChange={(e) => setD({ ...d, note: e.currentTarget.value })} autosize minRows={1} />
        {error && <Text c="red" role="alert">{error}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button onClick={() => void save()}>保存专家</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface PairDraft {
  kind: '一对一' | '多对一';
  expertIds: string[];
  targetKind: '干部' | '村班子';
  cadreId: string | null;
  villageId: string | null;
  start: string;
  end: string;
  goals: string;
}

const blank: PairDraft = { kind: '一对一', expertIds: [], targetKind: '干部', cadreId: null, villageId: null, start: '', end: '', goals: '' };

export function PairForm({ pair, experts, opened, onClose, onSaved }: { pair: MentorPairRow | null; experts: ExpertRow[]; opened: boolean; onClose: () => void; onSaved: () => void }) {
  const [d, setD] = useState<PairDraft>(blank);
  const { busy: saving, error, setError, run } = useSubmit();
  useEffect(() => {
    if (!opened) return;
    setD(pair ? { kind: pair.kind, expertIds: pair.expertIds, targetKind: pair.targetKind, cadreId: pair.cadreId ?? null, villageId: pair.villageId ?? null, start: pair.start, end: pair.end, goals: pair.goals } : blank);
    setError(null);
  }, [opened, pair, setError]);

  const data = useMemo(
    () => ({ kind: d.kind, expertIds: d.expertIds, targetKind: d.kind === '一对一' ? '干部' : d.targetKind, cadreId: d.cadreId ?? undefined, villageId: d.villageId ?? undefined, start: d.start, end: d.end, goals: d.goals }),
    [d],
  );
  const ready = d.expertIds.length > 0 && !!d.start && (data.targetKind === '干部' ? !!d.cadreId : !!d.villageId);
  const findings = useFindings('mentoring.pairCheck', opened && ready ? { id: pair?.id, data } : null);
  const expertOptions = experts.filter((e) => !e.left || d.expertIds.includes(e.id)).map((e) => ({ value: e.id, label: `${e.name}${e.unit ? `（${e.unit}）` : ''} · 进行中 ${e.activePairs}` }));

  const save = () =>
    run(async () => {
      const r = pair ? await invoke('mentoring.pairUpdate', { id: pair.id, data }) : await invoke('mentoring.pairCreate', { data });
      notifyWarnings(r.findings);
      onSaved();
      onClose();
    });

  return (
    <Modal opened={opened} onClose={onClose} title={pair ? '编辑智库结对' : '新建智库结对'} size="lg">
      <Stack>
        <SegmentedControl aria-label="结对类型" data={['一对一', '多对一']} value={d.kind} onChange={(kind) => setD({ ...d, kind: kind, expertIds: kind === '一对一' ? d.expertIds.slice(0, 1) : d.expertIds })} />
        {d.kind === '一对一' ? (
          <Select label="结对专家" searchable data={expertOptions} value={d.expertIds[0] ?? null} onChange={(v) => setD({ ...d, expertIds: v ? [v] : [] })} />
        ) : (
          <MultiSelect label="结对专家（两位及以上）" searchable data={expertOptions} value={d.expertIds} onChange={(expertIds) => setD({ ...d, expertIds })} />
        )}
        {d.kind === '多对一' && <SegmentedControl aria-label="结对对象" data={['干部', '村班子']} value={d.targetKind} onChange={(t) => setD({ ...d, targetKind: t })} />}
        {d.kind === '一对一' || d.targetKind === '干部' ? (
          <CadrePicker label="结对干部" value={d.cadreId} onChange={(cadreId) => setD({ ...d, cadreId })} />
        ) : (
          <VillagePicker label="结对村（社区）班子" value={d.villageId} onChange={(villageId) => setD({ ...d, villageId })} />
        )}
        <Group grow>
          <DateField label="开始时间" monthOk value={d.start} onChange={(start) => setD({ ...d, start })} />
          <DateField label="结束时间（可空）" monthOk value={d.end} onChange={(end) => setD({ ...d, end })} />
        </Group>
        <Textarea label="结对目标" value={d.goals} onChange={(e) => setD({ ...d, goals: e.currentTarget.value })} autosize minRows={2} />
        <FindingsList findings={findings} />
        {error && <Text c="red" role="alert">{error}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={saving} disabled={!ready || hasErrors(findings)} onClick={() => void save()}>保存结对</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
