/**
 * Pieces the three program pages share: live rule findings, the 镇街/年度/状态 filter bar,
 * dates typed the officials' way, and the "end/cancel with reason" dialog.
 */
import { Alert, Badge, Button, Group, List, Modal, NumberInput, Select, Stack, Textarea, TextInput, type TextInputProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { Input, Output } from '../../../shared/contract/index.js';
import type { Finding } from '../../../shared/rules/programs.js';
import { TOWNS } from '../../../shared/domain/towns.js';
import { parseDay, parseYearMonth, today } from '../../../shared/rules/dates.js';
import { invoke } from '../../api/client';
import { useSubmit } from '../../components/useSubmit';

export function notifyError(e: unknown): void {
  notifications.show({ message: (e as Error).message, color: 'red', autoClose: 8000 });
}

export function notifyOk(message: string): void {
  notifications.show({ message, color: 'green' });
}

/** Shows warnings that came back with a save, so they are not lost when the form closes. */
export function notifyWarnings(findings: Finding[]): void {
  for (const f of findings) notifications.show({ title: '请注意', message: f.message, color: 'yellow', autoClose: 10000 });
}

type CheckMethod = 'shadow.batchCheck' | 'shadow.placementCheck' | 'mentoring.pairCheck' | 'villagePair.check';

/** Re-runs the server-side rule check a moment after the draft stops changing. */
export function useFindings<K extends CheckMethod>(method: K, input: Input<K> | null): Finding[] {
  const [findings, setFindings] = useState<Finding[]>([]);
  const key = input ? JSON.stringify(input) : '';
  useEffect(() => {
    if (!key) {
      setFindings([]);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      invoke(method, JSON.parse(key) as Input<K>)
        .then((r) => live && setFindings(r as Output<K> as Finding[]))
        .catch((e: Error) => live && setFindings([{ level: 'error', code: 'call', message: e.message }]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [method, key]);
  return findings;
}

/** Errors (the save will be refused) first, then warnings; each with its reason. */
export function FindingsList({ findings }: { findings: Finding[] }) {
  if (!findings.length) return null;
  const errors = findings.filter((f) => f.level === 'error');
  const warnings = findings.filter((f) => f.level === 'warning');
  return (
    <Stack gap="xs" data-testid="findings">
      {errors.length > 0 && (
        <Alert color="red" title="不能保存" role="alert">
          <List size="sm">{errors.map((f, i) => <List.Item key={i}>{f.message}</List.Item>)}</List>
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert color="yellow" title="请注意（可以保存）">
          <List size="sm">{warnings.map((f, i) => <List.Item key={i}>{f.message}</List.Item>)}</List>
        </Alert>
      )}
    </Stack>
  );
}


/** A date typed as officials write it; normalised to "2023.04.10" (or "2023.04" if allowed) on blur. */
export function DateField({ value, onChange, monthOk = false, ...rest }: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (v: string) => void; monthOk?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  function normalise() {
    const v = value.trim();
    if (!v) {
      setError(null);
      return;
    }
    const looksLikeDay = /^\d{4}\D+\d{1,2}\D+\d{1,2}\D?$|^\d{8}$/.test(v);
    const r = looksLikeDay || !monthOk ? parseDay(v) : parseYearMonth(v);
    if (r.ok) {
      setError(null);
      if (r.value !== v) onChange(r.value);
    } else setError(r.message);
  }
  return (
    <TextInput
      placeholder={monthOk ? '2023.04.10 或 2023.04' : '2023.04.10'}
      value={value}
      onChange={(e) => {
        setError(null);
        onChange(e.currentTarget.value);
      }}
      onBlur={normalise}
      error={error ?? rest.error}
      {...rest}
    />
  );
}

export const townOptions = TOWNS.map((t) => ({ value: t.code, label: t.name }));

export interface ListFilter {
  town: string | null;
  year: string | null;
  status: string | null;
}

/** 镇街 / 年度 / 状态, the three filters every program list offers. */
export function FilterBar({ value, onChange, years, statuses }: { value: ListFilter; onChange: (f: ListFilter) => void; years: number[]; statuses: readonly string[] }) {
  const yearOptions = [...new Set(years)].sort((a, b) => b - a).map(String);
  return (
    <Group gap="sm" align="end">
      <Select label="镇街" placeholder="全部镇街" clearable w={130} data={townOptions} value={value.town} onChange={(town) => onChange({ ...value, town })} />
      <Select label="年度" placeholder="全部年度" clearable w={120} data={yearOptions} value={value.year} onChange={(year) => onChange({ ...value, year })} />
      <Select label="状态" placeholder="全部状态" clearable w={120} data={[...statuses]} value={value.status} onChange={(status) => onChange({ ...value, status })} />
    </Group>
  );
}

export const emptyFilter: ListFilter = { town: null, year: null, status: null };

const STATUS_COLORS: Record<string, string> = { 计划: 'gray', 在岗: 'blue', 结业: 'green', 中止: 'red', 进行中: 'blue', 已结束: 'green', 已取消: 'red', 已取消期次: 'red' };
export function StatusBadge({ status }: { status: string }) {
  return <Badge variant="light" color={STATUS_COLORS[status] ?? 'gray'}>{status}</Badge>;
}

/** "End / cancel / stop with reason and date" for any program record. */
export function CloseModal({
  opened,
  title,
  dateLabel,
  monthOk = true,
  confirmLabel,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  title: string;
  dateLabel: string;
  monthOk?: boolean;
  confirmLabel: string;
  onClose: () => void;
  onConfirm: (date: string, reason: string) => Promise<void>;
}) {
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useSubmit();
  useEffect(() => {
    if (opened) {
      setDate(today());
      setReason('');
      setError(null);
    }
  }, [opened, setError]);
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        <DateField label={dateLabel} value={date} onChange={setDate} monthOk={monthOk} />
        <Textarea label="原因" value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button
            color="red"
            loading={busy}
            disabled={!reason.trim()}
            onClick={() =>
              run(async () => {
                await onConfirm(date, reason);
                onClose();
              })
            }
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Runs an action, shows its error; returns whether it worked. */
export async function attempt(fn: () => Promise<unknown>, ok?: string): Promise<boolean> {
  try {
    await fn();
    if (ok) notifyOk(ok);
    return true;
  } catch (e) {
    notifyError(e);
    return false;
  }
}

export type { Finding };

/** One program limit (青年年龄上限, 专家结对上限) edited where it applies. */
export function LimitField({ label, limit, value, min, max, onSaved }: { label: string; limit: 'youthAgeLimit' | 'expertLoadLimit'; value: number; min: number; max: number; onSaved: () => void }) {
  const [v, setV] = useState<number | string>(value);
  useEffect(() => setV(value), [value]);
  return (
    <Group gap="xs" align="end">
      <NumberInput label={label} w={150} min={min} max={max} value={v} onChange={setV} />
      <Button
        variant="default"
        disabled={Number(v) === value}
        onClick={() => void attempt(() => invoke('programs.setLimits', { [limit]: Number(v) }), `${label}已改为 ${v}`).then((ok) => ok && onSaved())}
      >
        保存
      </Button>
    </Group>
  );
}
