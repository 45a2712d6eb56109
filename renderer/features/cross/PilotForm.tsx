/** Create or edit a pilot: target village, post, reason, period, per-pilot threshold overrides. */
import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { EDUCATION_LEVELS, VILLAGE_POSTS } from '../../../shared/domain/codes.js';
import type { CrossPilot, ThresholdOverrides } from '../../../shared/domain/crossPosting.js';
import { parseDay } from '../../../shared/rules/dates.js';
import { ApiCallError, invoke } from '../../api/client';
import { VillagePicker } from '../../components/pickers';

interface FormState {
  villageId: string | null;
  post: string | null;
  reason: string;
  periodStart: string;
  periodEnd: string;
  referenceDate: string;
  thresholds: ThresholdOverrides;
}

const empty: FormState = { villageId: null, post: '党组织书记', reason: '', periodStart: '', periodEnd: '', referenceDate: '', thresholds: {} };

/** Accepts 2026-11-25, 2026年11月25日… and shows the canonical 2026.11.25 on blur. */
function normDay(s: string): string {
  if (!s.trim()) return '';
  const p = parseDay(s);
  return p.ok ? p.value : s;
}

export function PilotForm({ opened, onClose, pilot, villageId, onSaved }: { opened: boolean; onClose: () => void; pilot?: CrossPilot; villageId?: string; onSaved: (p: CrossPilot) => void }) {
  const [f, setF] = useState<FormState>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setErrors({});
    setMessage(null);
    setF(pilot ? { villageId: pilot.villageId, post: pilot.post, reason: pilot.reason, periodStart: pilot.periodStart, periodEnd: pilot.periodEnd, referenceDate: pilot.referenceDate, thresholds: { ...pilot.thresholds } } : { ...empty, villageId: villageId ?? null });
  }, [opened, pilot, villageId]);

  const setT = (k: keyof ThresholdOverrides, v: number | string | undefined) => setF({ ...f, thresholds: { ...f.thresholds, [k]: v === '' || v === null ? undefined : v } });

  async function save() {
    setBusy(true);
    setErrors({});
    setMessage(null);
    const data = { ...f, villageId: f.villageId ?? '', post: f.post ?? '', periodStart: normDay(f.periodStart), periodEnd: normDay(f.periodEnd), referenceDate: normDay(f.referenceDate) };
    try {
      const saved = pilot ? await invoke('cross.pilotUpdate', { id: pilot.id, data }) : await invoke('cross.pilotCreate', { data });
      onSaved(saved);
      onClose();
    } catch (e) {
      setMessage((e as Error).message);
      if (e instanceof ApiCallError) setErrors(e.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={pilot ? '修改跨村任职试点' : '新建跨村任职试点'} size="lg">
      <Stack>
        <VillagePicker label="目标村（社区）" required value={f.villageId} onChange={(v) => setF({ ...f, villageId: v })} error={errors.villageId} disabled={!!pilot?.filled} />
        <Select label="拟任职务" required data={[...VILLAGE_POSTS]} value={f.post} onChange={(v) => setF({ ...f, post: v })} error={errors.post} disabled={!!pilot?.filled} />
        <Textarea label="事由" placeholder="如：软弱涣散 整顿；班子战斗力弱" autosize minRows={2} value={f.reason} onChange={(e) => setF({ ...f, reason: e.currentTarget.value })} error={errors.reason} />
        <Group grow>
          <TextInput label="任职开始" placeholder="2026.11.25" required value={f.periodStart} onChange={(e) => setF({ ...f, periodStart: e.currentTarget.value })} onBlur={() => setF({ ...f, periodStart: normDay(f.periodStart) })} error={errors.periodStart} />
          <TextInput label="任职结束" placeholder="2029.11.24" required value={f.periodEnd} onChange={(e) => setF({ ...f, periodEnd: e.currentTarget.value })} onBlur={() => setF({ ...f, periodEnd: normDay(f.periodEnd) })} error={errors.periodEnd} />
          <TextInput label="年龄等计算截至" placeholder="默认为任职开始日" value={f.referenceDate} onChange={(e) => setF({ ...f, referenceDate: e.currentTarget.value })} onBlur={() => setF({ ...f, referenceDate: normDay(f.referenceDate) })} error={errors.referenceDate} />
        </Group>
        <Text size="sm" fw={600}>本试点的资格条件（留空则使用“设置”中的默认值）</Text>
        <SimpleGrid cols={3}>
          <NumberInput label="年龄上限（岁）" min={18} max={70} value={f.thresholds.maxAge ?? ''} onChange={(v) => setT('maxAge', typeof v === 'number' ? v : undefined)} />
          <NumberInput label="党龄至少（年）" min={0} max={50} value={f.thresholds.minPartyYears ?? ''} onChange={(v) => setT('minPartyYears', typeof v === 'number' ? v : undefined)} />
          <Select label="最低学历" clearable data={[...EDUCATION_LEVELS]} value={f.thresholds.minEducation ?? null} onChange={(v) => setT('minEducation', v ?? undefined)} />
          <NumberInput label="村（社区）工作至少（年）" min={0} max={50} value={f.thresholds.minVillageYears ?? ''} onChange={(v) => setT('minVillageYears', typeof v === 'number' ? v : undefined)} />
          <NumberInput label="考核核查年数" min={1} max={10} value={f.thresholds.assessmentYears ?? ''} onChange={(v) => setT('assessmentYears', typeof v === 'number' ? v : undefined)} />
        </SimpleGrid>
        {message && <Alert color="red">{message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={save}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
