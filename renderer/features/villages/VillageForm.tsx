import { ActionIcon, Alert, Button, Checkbox, Group, Modal, NumberInput, Rating, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { TOWNS } from '../../../shared/domain/towns.js';
import type { Village } from '../../../shared/domain/village.js';
import { ApiCallError, invoke } from '../../api/client';
import { useSubmit } from '../../components/useSubmit';

type Draft = {
  name: string;
  townCode: string | null;
  kind: '村' | '社区';
  strength: '强' | '一般' | '弱';
  weakLax: { year: number | string; status: '整顿中' | '已整顿' } | null;
  demonstration: '区级' | '市级' | null;
  redVillage: boolean;
  crossPilot: boolean;
  vitality: { year: number | string; stars: number }[];
  note: string;
};

const thisYear = new Date().getFullYear();

function draftOf(v: Village | null, townCode?: string): Draft {
  if (!v) {
    return { name: '', townCode: townCode ?? null, kind: '村', strength: '一般', weakLax: null, demonstration: null, redVillage: false, crossPilot: false, vitality: [], note: '' };
  }
  return {
    name: v.name, townCode: v.townCode, kind: v.kind, strength: v.strength, weakLax: v.weakLax, demonstration: v.demonstration,
    redVillage: v.redVillage, crossPilot: v.crossPilot, vitality: [...v.vitality].sort((a, b) => a.year - b.year), note: v.note,
  };
}

/** Create or edit one village; server-side validation messages appear next to their field. */
export function VillageForm({ opened, village, defaultTown, onClose, onSaved }: {
  opened: boolean;
  village: Village | null;
  defaultTown?: string;
  onClose: () => void;
  onSaved: (v: Village) => void;
}) {
  const [d, setD] = useState<Draft>(() => draftOf(village, defaultTown));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, error, setError, run } = useSubmit();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));

  async function save() {
    setErrors({});
    setError(null);
    const years = d.vitality.map((x) => Number(x.year));
    const dup = years.find((y, i) => years.indexOf(y) !== i);
    if (dup !== undefined) {
      setErrors({ vitality: `活力指数 ${dup} 年填了两次` });
      return;
    }
    const data = {
      ...d,
      townCode: d.townCode ?? '',
      // An emptied number box is left out, so the message says 请填写 rather than a range.
      weakLax: d.weakLax ? { year: d.weakLax.year === '' ? undefined : Number(d.weakLax.year), status: d.weakLax.status } : null,
      vitality: d.vitality.map((x) => ({ year: x.year === '' ? undefined : Number(x.year), stars: x.stars })),
    };
    await run(
      async () => {
        const saved = village ? await invoke('village.update', { id: village.id, data }) : await invoke('village.create', { data });
        notifications.show({ message: `已保存：${saved.name}`, color: 'green' });
        onSaved(saved);
      },
      (e) => {
        if (e instanceof ApiCallError) setErrors(e.fields);
      },
    );
  }

  const vitalityError = Object.entries(errors).find(([k]) => k.startsWith('vitality'))?.[1];
  return (
    <Modal opened={opened} onClose={onClose} title={village ? `编辑村（社区）：${village.name}` : '新建村（社区）'} size="lg">
      <Stack gap="sm">
        <Group grow align="start">
          <TextInput label="名称" placeholder="如：逢简村" value={d.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} required data-autofocus />
          <Select label="所属镇街" data={TOWNS.map((t) => ({ value: t.code, label: t.name }))} value={d.townCode} onChange={(v) => set('townCode', v)} error={errors.townCode} required allowDeselect={false} />
        </Group>
        <Group align="end">
          <div>
            <Text size="sm" fw={500} mb={4}>类型</Text>
            <SegmentedControl data={['村', '社区']} value={d.kind} onChange={(v) => set('kind', v)} />
          </div>
          <div>
            <Text size="sm" fw={500} mb={4}>班子战斗力</Text>
            <SegmentedControl data={['强', '一般', '弱']} value={d.strength} onChange={(v) => set('strength', v)} />
          </div>
          <Select
            label="示范村"
            w={140}
            data={[{ value: '', label: '否' }, { value: '区级', label: '区级示范村' }, { value: '市级', label: '市级示范村' }]}
            value={d.demonstration ?? ''}
            onChange={(v) => set('demonstration', (v || null))}
            allowDeselect={false}
          />
        </Group>
        <Group align="end">
          <Checkbox
            label="软弱涣散村党组织"
            checked={!!d.weakLax}
            onChange={(e) => set('weakLax', e.currentTarget.checked ? { year: thisYear, status: '整顿中' } : null)}
          />
          {d.weakLax && (
            <>
              <NumberInput label="列入年份" w={110} min={2000} max={2100} value={d.weakLax.year} onChange={(v) => set('weakLax', { ...d.weakLax!, year: v })} error={errors['weakLax.year']} />
              <Select label="整顿情况" w={120} data={['整顿中', '已整顿']} value={d.weakLax.status} onChange={(v) => set('weakLax', { ...d.weakLax!, status: (v ?? '整顿中') })} allowDeselect={false} />
            </>
          )}
        </Group>
        <Group>
          <Checkbox label="红色村" checked={d.redVillage} onChange={(e) => set('redVillage', e.currentTarget.checked)} />
          <Checkbox label="跨村任职试点" checked={d.crossPilot} onChange={(e) => set('crossPilot', e.currentTarget.checked)} />
        </Group>
        <div>
          <Text size="sm" fw={500}>活力指数（星级，按年度）</Text>
          <Stack gap={4} mt={4}>
            {d.vitality.length === 0 && <Text size="sm" c="dimmed">尚未评定</Text>}
            {d.vitality.map((row, i) => (
              <Group key={i} gap="sm">
                <NumberInput
                  aria-label={`第${i + 1}行年度`}
                  w={100}
                  min={2000}
                  max={2100}
                  value={row.year}
                  onChange={(v) => set('vitality', d.vitality.map((x, j) => (j === i ? { ...x, year: v } : x)))}
                  error={errors[`vitality.${i}.year`]}
                />
                <Text size="sm">年</Text>
                <Rating aria-label={`${row.year}年星级`} value={row.stars} onChange={(s) => set('vitality', d.vitality.map((x, j) => (j === i ? { ...x, stars: s } : x)))} />
                <Text size="sm" w={40}>{row.stars} 星</Text>
                <ActionIcon variant="subtle" color="red" aria-label={`删除${row.year}年星级`} onClick={() => set('vitality', d.vitality.filter((_x, j) => j !== i))}>✕</ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                size="xs"
                variant="light"
                onClick={() => {
                  const last = d.vitality.reduce((m, x) => Math.max(m, Number(x.year) || 0), 0);
                  set('vitality', [...d.vitality, { year: last ? last + 1 : thisYear, stars: 3 }]);
                }}
              >
                添加一年星级
              </Button>
            </Group>
            {vitalityError && <Text size="sm" c="red">{vitalityError}</Text>}
          </Stack>
        </div>
        <Textarea label="备注" autosize minRows={2} value={d.note} onChange={(e) => set('note', e.currentTarget.value)} error={errors.note} />
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button onClick={save} loading={busy}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
