/** Records the next step of a candidate: 提名 → 考察 → 公示 → 任命 / 未通过. */
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CandidateView, StepResult } from '../../../shared/contract/crossPosting.js';
import { nextStages, type CrossStage } from '../../../shared/domain/crossPosting.js';
import { MIN_PUBLICITY_WORKDAYS } from '../../../shared/rules/eligibility.js';
import { parseDay, today } from '../../../shared/rules/dates.js';
import { countWorkdays, workdayBasis } from '../../../shared/rules/workCalendar.js';
import { ApiCallError, invoke } from '../../api/client';
import { useApi } from '../../components/useApi';
import { useLastShown } from '../../components/useLastShown';

const norm = (s: string) => {
  const p = parseDay(s);
  return p.ok ? p.value : s.trim();
};

export function StepModal({ candidate: current, onClose, onDone }: { candidate: CandidateView | null; onClose: () => void; onDone: (result: StepResult) => void }) {
  const candidate = useLastShown(current);
  const allowed = candidate ? nextStages(candidate.stage) : [];
  const [stage, setStage] = useState<CrossStage>('提名');
  const [date, setDate] = useState(today());
  const [notes, setNotes] = useState('');
  const [pubStart, setPubStart] = useState('');
  const [pubEnd, setPubEnd] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Re-read on every opening: the user may have added holidays in 设置 since the page loaded.
  const settings = useApi('settings.get', {}, [current?.candidate.id]);

  useEffect(() => {
    if (!current) return;
    setStage(nextStages(current.stage)[0] ?? '提名');
    setDate(today());
    setNotes('');
    setPubStart('');
    setPubEnd('');
    setReason('');
    setErrors({});
    setMessage(null);
  }, [current]);

  const s = norm(pubStart);
  const e = norm(pubEnd);
  const calendarReady = !settings.loading || settings.data !== null;
  const days = calendarReady && e >= s ? countWorkdays(s, e, settings.data?.workCalendar ?? []) : null;

  async function save() {
    if (!candidate) return;
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const r = await invoke('cross.step', { candidateId: candidate.candidate.id, step: { stage, date: norm(date), notes, publicityStart: stage === '公示' ? s : '', publicityEnd: stage === '公示' ? e : '', reason: stage === '未通过' ? reason : '' } });
      onDone(r);
    } catch (err) {
      setMessage((err as Error).message);
      if (err instanceof ApiCallError) setErrors(Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k.replace(/^step\./, ''), v])));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={!!current} onClose={onClose} title={candidate ? `${candidate.name} — 记录下一步` : ''} size="lg">
      {candidate && (
        <Stack>
          <Text size="sm">当前步骤：{candidate.stage || '已列入人选，未提名'}</Text>
          <SegmentedControl data={allowed} value={stage} onChange={(v) => setStage(v as CrossStage)} aria-label="下一步" />
          <TextInput label={`${stage}日期`} required value={date} onChange={(ev) => setDate(ev.currentTarget.value)} onBlur={() => setDate(norm(date))} error={errors.date} />
          {stage === '公示' && (
            <>
              <Group grow>
                <TextInput label="公示开始" placeholder="2026.11.23" required value={pubStart} onChange={(ev) => setPubStart(ev.currentTarget.value)} onBlur={() => setPubStart(norm(pubStart))} error={errors.publicityStart} />
                <TextInput label="公示结束" placeholder="2026.11.27" required value={pubEnd} onChange={(ev) => setPubEnd(ev.currentTarget.value)} onBlur={() => setPubEnd(norm(pubEnd))} error={errors.publicityEnd} />
              </Group>
              {days !== null && (
                <Text size="sm" c={days.count < MIN_PUBLICITY_WORKDAYS || days.missingYears.length ? 'orange' : 'dimmed'} data-testid="publicity-workdays">
                  共 {days.count} 个工作日{workdayBasis(days.missingYears)}
                  {days.count < MIN_PUBLICITY_WORKDAYS ? `，少于 ${MIN_PUBLICITY_WORKDAYS} 个工作日` : ''}
                </Text>
              )}
            </>
          )}
          {stage === '未通过' && <Textarea label="未通过原因" required autosize minRows={2} value={reason} onChange={(ev) => setReason(ev.currentTarget.value)} error={errors.reason} />}
          {stage === '任命' && (
            <Alert color="blue">任命后，该干部档案的村（社区）、现任职务、任现职时间将改为本试点职务，并在简历中新增一行；本试点显示为已任命，其余未完成的人选按“未通过”（该试点已任命他人）结束。</Alert>
          )}
          <Textarea label="备注（会议、考察情况等）" autosize minRows={2} value={notes} onChange={(ev) => setNotes(ev.currentTarget.value)} />
          {message && <Alert color="red">{message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>取消</Button>
            <Button loading={busy} onClick={save} color={stage === '未通过' ? 'gray' : undefined}>确认{stage}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
