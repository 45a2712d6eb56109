/** Records the next step of a candidate: 提名 → 考察 → 公示 → 任命 / 未通过. */
import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
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
  const [inspect, setInspect] = useState(false);
  const [insp, setInsp] = useState(EMPTY_INSPECTION);
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
    setInspect(false);
    setInsp(EMPTY_INSPECTION);
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
      const r = await invoke('cross.step', { candidateId: candidate.candidate.id, step: { stage, date: norm(date), notes, publicityStart: stage === '公示' ? s : '', publicityEnd: stage === '公示' ? e : '', reason: stage === '未通过' ? reason : '', inspection: stage === '考察' && inspect ? { ...insp, from: norm(insp.from), to: norm(insp.to) } : undefined } });
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
          <SegmentedControl data={allowed} value={stage} onChange={(v) => setStage(v)} aria-label="下一步" />
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
          {stage === '考察' && (
            <Switch label="填写考察记录（考察组、谈话人数、民主测评等，用于生成考察材料）" checked={inspect} onChange={(ev) => setInspect(ev.currentTarget.checked)} />
          )}
          {stage === '考察' && inspect && <InspectionFields value={insp} onChange={setInsp} errors={errors} />}
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

type InspectionForm = { team: string; from: string; to: string; interviewees: number; votes: { participants: number; excellent: number; competent: number; basic: number; incompetent: number }; strengths: string; weaknesses: string; conclusion: string };
const EMPTY_INSPECTION: InspectionForm = { team: '', from: '', to: '', interviewees: 0, votes: { participants: 0, excellent: 0, competent: 0, basic: 0, incompetent: 0 }, strengths: '', weaknesses: '', conclusion: '' };
const VOTES: [keyof InspectionForm['votes'], string][] = [['participants', '参加测评人数'], ['excellent', '优秀'], ['competent', '称职'], ['basic', '基本称职'], ['incompetent', '不称职']];

/** The 考察 record: what the 考察材料 is written from. */
function InspectionFields({ value: v, onChange, errors }: { value: InspectionForm; onChange: (v: InspectionForm) => void; errors: Record<string, string> }) {
  const err = (k: string) => errors[`inspection.${k}`];
  const num = (n: string | number) => (typeof n === 'number' ? n : Number(n) || 0);
  return (
    <Stack gap="xs" data-testid="inspection-fields">
      <TextInput label="考察组成员" required value={v.team} onChange={(e) => onChange({ ...v, team: e.currentTarget.value })} error={err('team')} />
      <Group grow>
        <TextInput label="考察开始" placeholder="2026.11.18" required value={v.from} onChange={(e) => onChange({ ...v, from: e.currentTarget.value })} onBlur={() => onChange({ ...v, from: norm(v.from) })} error={err('from')} />
        <TextInput label="考察结束" placeholder="2026.11.20" value={v.to} onChange={(e) => onChange({ ...v, to: e.currentTarget.value })} onBlur={() => onChange({ ...v, to: norm(v.to) })} error={err('to')} />
        <NumberInput label="谈话人数" min={0} value={v.interviewees} onChange={(n) => onChange({ ...v, interviewees: num(n) })} error={err('interviewees')} />
      </Group>
      <Text size="sm" fw={500}>民主测评</Text>
      <Group grow>
        {VOTES.map(([k, label]) => (
          <NumberInput key={k} label={label} min={0} value={v.votes[k]} onChange={(n) => onChange({ ...v, votes: { ...v.votes, [k]: num(n) } })} error={err(`votes.${k}`)} />
        ))}
      </Group>
      <Textarea label="主要优点" required autosize minRows={2} value={v.strengths} onChange={(e) => onChange({ ...v, strengths: e.currentTarget.value })} error={err('strengths')} />
      <Textarea label="主要不足" autosize minRows={1} value={v.weaknesses} onChange={(e) => onChange({ ...v, weaknesses: e.currentTarget.value })} error={err('weaknesses')} />
      <Textarea label="考察结论" required autosize minRows={2} value={v.conclusion} onChange={(e) => onChange({ ...v, conclusion: e.currentTarget.value })} error={err('conclusion')} />
    </Stack>
  );
}
