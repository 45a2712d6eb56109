/** Create or edit a 书记跟班 batch with its host places, checking the rules as the user types. */
import { ActionIcon, Autocomplete, Button, Card, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { ShadowBatch, ShadowHost } from '../../../../shared/domain/programs.js';
import { HOST_DEPARTMENTS } from '../../../../shared/domain/programs.js';
import { invoke } from '../../../api/client';
import { CadrePicker, VillagePicker } from '../../../components/pickers';
import { useApi } from '../../../components/useApi';
import { useSubmit } from '../../../components/useSubmit';
import { DateField, FindingsList, notifyWarnings, townOptions, useFindings } from '../common';
import { hasErrors } from '../../../../shared/rules/programs.js';

type HostDraft = Omit<ShadowHost, 'capacity'> & { capacity: number | string };

interface Draft {
  name: string;
  year: number | string;
  start: string;
  end: string;
  youth: boolean;
  note: string;
  hosts: HostDraft[];
}

const newKey = () => Math.random().toString(36).slice(2, 10);
const newHost = (): HostDraft => ({ key: newKey(), kind: '村（社区）', department: '', mentorName: '', capacity: 2 });

function fromBatch(b: ShadowBatch | null): Draft {
  if (!b) return { name: '', year: new Date().getFullYear(), start: '', end: '', youth: false, note: '', hosts: [newHost()] };
  return { name: b.name, year: b.year, start: b.start, end: b.end, youth: b.youth, note: b.note, hosts: b.hosts.map((h) => ({ ...h })) };
}

function toData(d: Draft): Record<string, unknown> {
  return {
    ...d,
    year: Number(d.year),
    hosts: d.hosts.map((h) => ({
      ...h,
      capacity: Number(h.capacity),
      villageId: h.kind === '村（社区）' ? h.villageId : undefined,
      townCode: h.kind === '镇街部门' ? h.townCode : undefined,
      department: h.kind === '镇街部门' ? h.department : '',
    })),
  };
}

const SECRETARY_POSTS = ['党组织书记', '书记、主任一肩挑'];

export function BatchForm({ batch, opened, onClose, onSaved }: { batch: ShadowBatch | null; opened: boolean; onClose: () => void; onSaved: (b: ShadowBatch) => void }) {
  const [draft, setDraft] = useState<Draft>(() => fromBatch(batch));
  const { busy: saving, error, setError, run } = useSubmit();
  const cadres = useApi('cadre.list', { deleted: false });
  useEffect(() => {
    if (opened) {
      setDraft(fromBatch(batch));
      setError(null);
    }
  }, [opened, batch, setError]);

  const checkInput = useMemo(() => (opened && draft.name && draft.start && draft.end ? { id: batch?.id, data: toData(draft) } : null), [opened, draft, batch]);
  const findings = useFindings('shadow.batchCheck', checkInput);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setHost = (i: number, patch: Partial<HostDraft>) => setDraft((d) => ({ ...d, hosts: d.hosts.map((h, j) => (j === i ? { ...h, ...patch } : h)) }));

  /** The host village's 书记 is the usual mentor: fill them in when the village is picked. */
  function pickVillage(i: number, villageId: string | null) {
    const secretary = (cadres.data ?? []).find((c) => c.villageId === villageId && SECRETARY_POSTS.includes(c.villagePost ?? ''));
    const h = draft.hosts[i];
    setHost(i, { villageId: villageId ?? undefined, ...(secretary && !h.mentorCadreId && !h.mentorName ? { mentorCadreId: secretary.id } : {}) });
  }

  const save = () =>
    run(async () => {
      const r = batch ? await invoke('shadow.batchUpdate', { id: batch.id, data: toData(draft) }) : await invoke('shadow.batchCreate', { data: toData(draft) });
      notifyWarnings(r.findings);
      onSaved(r.record);
    });

  return (
    <Modal opened={opened} onClose={onClose} title={batch ? `编辑期次：${batch.name}` : '新建跟班期次'} size="xl">
      <Stack>
        <Group grow align="start">
          <TextInput label="期次名称" placeholder="如 2023年第一期" value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} required />
          <NumberInput label="年度" value={draft.year} onChange={(v) => set({ year: v })} min={2000} max={2100} w={100} />
          <DateField label="开始日期" value={draft.start} onChange={(start) => set({ start, ...(/^\d{4}\./.test(start) ? { year: Number(start.slice(0, 4)) } : {}) })} required />
          <DateField label="结束日期" value={draft.end} onChange={(end) => set({ end })} required />
        </Group>
        <Switch label="青年干部期次（超过青年年龄上限的干部会提示）" checked={draft.youth} onChange={(e) => set({ youth: e.currentTarget.checked })} />
        <Text fw={600}>跟班单位</Text>
        {draft.hosts.map((h, i) => (
          <Card withBorder key={h.key} padding="sm" data-testid="host-row">
            <Group align="end" wrap="wrap">
              <SegmentedControl value={h.kind} data={['村（社区）', '镇街部门']} onChange={(kind) => setHost(i, { kind: kind })} />
              {h.kind === '村（社区）' ? (
                <VillagePicker label={`跟班村（社区）${i + 1}`} w={220} value={h.villageId ?? null} onChange={(v) => pickVillage(i, v)} />
              ) : (
                <>
                  <Select label="镇街" w={110} data={townOptions} value={h.townCode ?? null} onChange={(v) => setHost(i, { townCode: (v ?? undefined) })} />
                  <Autocomplete label={`部门${i + 1}`} w={140} data={[...HOST_DEPARTMENTS]} value={h.department} onChange={(department) => setHost(i, { department })} />
                </>
              )}
              <CadrePicker label="导师（档案中的干部）" w={230} value={h.mentorCadreId ?? null} onChange={(v) => setHost(i, { mentorCadreId: v ?? undefined, ...(v ? { mentorName: '' } : {}) })} />
              {!h.mentorCadreId && <TextInput label="或导师姓名" w={110} value={h.mentorName} onChange={(e) => setHost(i, { mentorName: e.currentTarget.value })} />}
              <NumberInput label="容量（人）" w={90} min={1} max={100} value={h.capacity} onChange={(capacity) => setHost(i, { capacity })} />
              <ActionIcon variant="subtle" color="red" aria-label={`删除跟班单位${i + 1}`} onClick={() => set({ hosts: draft.hosts.filter((_, j) => j !== i) })}>✕</ActionIcon>
            </Group>
          </Card>
        ))}
        <Group>
          <Button variant="light" size="xs" onClick={() => set({ hosts: [...draft.hosts, newHost()] })}>添加跟班单位</Button>
        </Group>
        <Textarea label="备注" value={draft.note} onChange={(e) => set({ note: e.currentTarget.value })} autosize minRows={1} />
        <FindingsList findings={findings} />
        {error && <Text c="red" role="alert">{error}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={saving} disabled={hasErrors(findings)} onClick={() => void save()}>保存期次</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
