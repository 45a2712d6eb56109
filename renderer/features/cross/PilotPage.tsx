/**
 * One pilot: its facts, the candidate list with steps, adding by hand with a preview of the
 * checks, the suggested pool, and picking 2–5 people to compare.
 */
import { ActionIcon, Alert, Anchor, Badge, Button, Card, Checkbox, Group, Loader, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Fragment, useEffect, useState } from 'react';
import type { CandidateView, PilotDetail, PoolRow, StepResult } from '../../../shared/contract/crossPosting.js';
import type { Cadre } from '../../../shared/domain/cadre.js';
import { townName } from '../../../shared/domain/towns.js';
import { invoke } from '../../api/client';
import { navigate } from '../../app/router';
import { CadrePicker } from '../../components/pickers';
import { useApi } from '../../components/useApi';
import { PilotForm } from './PilotForm';
import { StepModal } from './StepModal';
import { ExportDossierWordButton, ExportInspectionWordButton, PrintDossierButton } from '../print';
import { VerdictBadges, VerdictList } from './verdicts';

const MAX_COMPARE = 5;

function useSelection() {
  const [ids, setIds] = useState<string[]>([]);
  const toggle = (id: string) => {
    if (!ids.includes(id) && ids.length >= MAX_COMPARE) {
      notifications.show({ color: 'orange', message: `最多同时比较 ${MAX_COMPARE} 名人选` });
      return;
    }
    setIds(ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]);
  };
  return { ids, toggle, clear: () => setIds([]) };
}

function ThresholdLine({ d }: { d: PilotDetail }) {
  const t = d.thresholds;
  return (
    <Text size="sm" c="dimmed">
      资格条件（计算至 {d.referenceDate}）：年龄不超过 {t.maxAge} 岁；中共党员且党龄至少 {t.minPartyYears} 年；学历不低于{t.minEducation}；村（社区）工作至少 {t.minVillageYears} 年；近 {t.assessmentYears} 年考核无基本称职、不称职。规则版本 {d.ruleVersion}。
    </Text>
  );
}

/** After 任命: what the cadre's file now says, read back from the file itself. */
function FilledNotice({ d }: { d: PilotDetail }) {
  const filled = d.pilot.filled;
  const [cadre, setCadre] = useState<Cadre | null>(null);
  useEffect(() => {
    if (filled) void invoke('cadre.get', { id: filled.cadreId }).then(setCadre, () => setCadre(null));
  }, [filled]);
  if (!filled) return null;
  const last = cadre?.resume[cadre.resume.length - 1];
  return (
    <Alert color="green" title={`已任命：${filled.cadreName}（${filled.date}）`} data-testid="filled-notice">
      {cadre && (
        <Stack gap={2}>
          <Text size="sm">干部档案已更新 — 现任职务：{cadre.currentPosition}；村（社区）职务：{cadre.villagePost}；任现职时间：{cadre.postSince}</Text>
          {last && <Text size="sm">简历新增：{last.from}— {last.text}</Text>}
          <Anchor size="sm" href={`#/cadres/${cadre.id}`}>打开干部档案</Anchor>
        </Stack>
      )}
    </Alert>
  );
}

function StepsTimeline({ c }: { c: CandidateView }) {
  if (!c.candidate.steps.length) return <Text size="sm" c="dimmed">尚未提名。</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2} active={c.candidate.steps.length - 1}>
      {c.candidate.steps.map((s, i) => (
        <Timeline.Item key={i} title={`${s.stage}　${s.date}`} color={s.stage === '未通过' ? 'gray' : s.stage === '任命' ? 'green' : 'red'}>
          <Text size="xs" c="dimmed">经办：{s.operator}；当时资格审查：{s.eligibility.overall === 'pass' ? '符合' : s.eligibility.overall === 'warn' ? '需核实' : '不符合'}（规则 {s.eligibility.ruleVersion}）</Text>
          {s.stage === '公示' && <Text size="sm">公示期 {s.publicityStart}–{s.publicityEnd}</Text>}
          {s.reason && <Text size="sm">原因：{s.reason}</Text>}
          {s.notes && <Text size="sm">备注：{s.notes}</Text>}
          {s.warnings.map((w) => <Text key={w} size="sm" c="orange">提示：{w}</Text>)}
          <details>
            <summary style={{ cursor: 'pointer', fontSize: 12 }}>当时的审查明细</summary>
            <VerdictList verdicts={s.eligibility.verdicts} />
          </details>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function CandidateTable({ d, selected, toggle, onStep, onChanged }: { d: PilotDetail; selected: string[]; toggle: (id: string) => void; onStep: (c: CandidateView) => void; onChanged: () => void }) {
  const [open, setOpen] = useState<string | null>(null);
  if (!d.candidates.length) return <Text size="sm" c="dimmed">还没有人选。可从下方推荐人选中列入，或手动添加。</Text>;
  return (
    <Table withTableBorder aria-label="人选名单">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>比较</Table.Th>
          <Table.Th>姓名</Table.Th>
          <Table.Th>来源村 / 职务</Table.Th>
          <Table.Th>年龄</Table.Th>
          <Table.Th>资格审查</Table.Th>
          <Table.Th>当前步骤</Table.Th>
          <Table.Th>操作</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {d.candidates.map((c) => (
          <Fragment key={c.candidate.id}>
            <Table.Tr data-testid={`candidate-${c.name}`}>
              <Table.Td><Checkbox aria-label={`比较 ${c.name}`} checked={selected.includes(c.cadreId)} onChange={() => toggle(c.cadreId)} /></Table.Td>
              <Table.Td fw={600}>{c.name}{c.candidate.origin === '手动添加' && <Badge ml={6} size="xs" variant="light" color="gray">手动添加</Badge>}</Table.Td>
              <Table.Td>{c.villageName || '—'} {c.villagePost}</Table.Td>
              <Table.Td>{c.age}</Table.Td>
              <Table.Td>
                <VerdictBadges verdicts={c.verdicts} overall={c.overall} />
                {c.asOf && <Text size="xs" c="dimmed">{c.asOf} 任命时的审查结果</Text>}
              </Table.Td>
              <Table.Td>{c.stage ? <Badge color={c.stage === '任命' ? 'green' : c.stage === '未通过' ? 'gray' : 'red'} variant="light">{c.stage}</Badge> : <Text size="sm" c="dimmed">未提名</Text>}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {c.stage !== '任命' && c.stage !== '未通过' && <Button size="xs" onClick={() => onStep(c)}>下一步</Button>}
                  <Button size="xs" variant="light" onClick={() => setOpen(open === c.candidate.id ? null : c.candidate.id)}>{open === c.candidate.id ? '收起' : '详情'}</Button>
                  <PrintDossierButton candidateId={c.candidate.id} label="任用材料" />
                  <ExportDossierWordButton candidateId={c.candidate.id} label="导出 Word" />
                  {c.candidate.steps.some((st) => st.stage === '考察' && st.inspection) && <ExportInspectionWordButton candidateId={c.candidate.id} />}
                  {c.stage !== '任命' && (
                    <ActionIcon variant="subtle" color="gray" aria-label={`移出 ${c.name}`} title="移出人选名单" onClick={async () => {
                      if (!window.confirm(`将 ${c.name} 移出本试点的人选名单？已记录的步骤保留在回收站中。`)) return;
                      try { await invoke('cross.candidateRemove', { id: c.candidate.id }); onChanged(); } catch (e) { notifications.show({ color: 'red', message: (e as Error).message }); }
                    }}>✕</ActionIcon>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
            {open === c.candidate.id && (
              <Table.Tr data-testid={`details-${c.name}`}>
                <Table.Td colSpan={7}>
                  <Group align="flex-start" grow>
                    <Stack gap={4}><Text fw={600} size="sm">{c.asOf ? `资格审查（${c.asOf} 任命时）` : '资格审查（按当前档案）'}</Text><VerdictList verdicts={c.verdicts} /></Stack>
                    <Stack gap={4}><Text fw={600} size="sm">任用程序</Text><StepsTimeline c={c} /></Stack>
                  </Group>
                </Table.Td>
              </Table.Tr>
            )}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** What a step or a restore did beyond the candidate itself, said in one notification. */
export function notifyStepResult(r: StepResult, done: string): void {
  const lines = [...r.warnings];
  // Only 任命 closes others; a restore's own closing is already said in its warning.
  if (r.closed.length && r.candidate.stage === '任命') lines.push(`其余人选已按“未通过”结束（该试点已任命他人）：${r.closed.join('、')}`);
  notifications.show({ color: r.warnings.length ? 'orange' : 'green', title: '已记录', message: lines.length ? lines.join('；') : done, autoClose: lines.length ? 12_000 : 4000 });
}

/** The 回收站 of this pilot's list: who was moved out, at which step, and a way back. */
function RemovedCandidates({ d, onChanged }: { d: PilotDetail; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  if (!d.removed.length) return null;
  return (
    <details data-testid="removed-candidates">
      <summary style={{ cursor: 'pointer' }}><Text span size="sm" fw={600}>已移出的人选（{d.removed.length}）</Text></summary>
      <Text size="sm" c="dimmed" my="xs">移出的人选连同已记录的步骤保留在这里，可随时恢复到人选名单。{d.pilot.filled ? '本试点已任命，恢复的未完成人选将按“未通过”结束。' : ''}</Text>
      <Table withTableBorder aria-label="已移出的人选">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>姓名</Table.Th>
            <Table.Th>来源村 / 职务</Table.Th>
            <Table.Th>移出时的步骤</Table.Th>
            <Table.Th>移出时间</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.removed.map((c) => (
            <Table.Tr key={c.candidate.id} data-testid={`removed-${c.name}`}>
              <Table.Td fw={600}>{c.name}</Table.Td>
              <Table.Td>{c.villageName || '—'} {c.villagePost}</Table.Td>
              <Table.Td>{c.stage || '未提名'}</Table.Td>
              <Table.Td>{c.candidate.deletedAt ? new Date(c.candidate.deletedAt).toLocaleString('zh-CN', { hour12: false }) : ''}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" loading={busy === c.candidate.id} onClick={async () => {
                  setBusy(c.candidate.id);
                  try {
                    notifyStepResult(await invoke('cross.candidateRestore', { id: c.candidate.id }), `已将 ${c.name} 恢复到人选名单`);
                    onChanged();
                  } catch (e) {
                    notifications.show({ color: 'red', message: (e as Error).message });
                  } finally {
                    setBusy(null);
                  }
                }}>恢复到名单</Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  );
}

function ManualAdd({ pilotId, onAdded, disabled }: { pilotId: string; onAdded: () => void; disabled: boolean }) {
  const [cadreId, setCadreId] = useState<string | null>(null);
  const [preview, setPreview] = useState<PoolRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setPreview(null);
    setError(null);
    if (cadreId) void invoke('cross.evaluate', { pilotId, cadreId }).then(setPreview, (e: Error) => setError(e.message));
  }, [cadreId, pilotId]);
  return (
    <Card withBorder>
      <Title order={2} mb="xs">手动添加人选</Title>
      <Text size="sm" c="dimmed" mb="xs">任何干部都可以手动添加；资格审查会逐项说明哪些条件不符合。</Text>
      <CadrePicker label="选择干部" value={cadreId} onChange={setCadreId} maw={420} disabled={disabled} />
      {error && <Alert color="red" mt="sm">{error}</Alert>}
      {preview && (
        <Stack mt="sm" gap="xs" data-testid="manual-preview">
          <Group>
            <Text fw={600}>{preview.name}</Text>
            <Text size="sm">{preview.villageName} {preview.villagePost}，{preview.age} 岁</Text>
            <VerdictBadges verdicts={preview.verdicts} overall={preview.overall} />
          </Group>
          <VerdictList verdicts={preview.verdicts} />
          <Group>
            {preview.candidateId ? (
              <Text size="sm" c="dimmed">已在人选名单中。</Text>
            ) : (
              <Button onClick={async () => {
                try {
                  await invoke('cross.candidateAdd', { pilotId, cadreId: preview.cadreId, origin: '手动添加' });
                  notifications.show({ color: preview.overall === 'fail' ? 'orange' : 'green', message: `已将 ${preview.name} 列入人选${preview.overall === 'fail' ? '（资格审查有不符合项）' : ''}` });
                  setCadreId(null);
                  onAdded();
                } catch (e) {
                  setError((e as Error).message);
                }
              }}>列入人选</Button>
            )}
          </Group>
        </Stack>
      )}
    </Card>
  );
}

function PoolTable({ pilotId, selected, toggle, onAdded, disabled, version }: { pilotId: string; selected: string[]; toggle: (id: string) => void; onAdded: () => void; disabled: boolean; version: number }) {
  const { data, error, loading } = useApi('cross.pool', { pilotId }, [version]);
  if (error) return <Alert color="red">{error}</Alert>;
  if (loading && !data) return <Loader size="sm" />;
  if (!data?.length) return <Alert color="gray">本镇街没有强村或示范村的干部可推荐。可在“村居信息”中核对班子强弱和示范村标记，或手动添加人选。</Alert>;
  return (
    <Table withTableBorder striped aria-label="推荐人选">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>比较</Table.Th>
          <Table.Th>姓名</Table.Th>
          <Table.Th>来源村</Table.Th>
          <Table.Th>职务</Table.Th>
          <Table.Th>年龄</Table.Th>
          <Table.Th>学历</Table.Th>
          <Table.Th>资格审查（悬停查看原因）</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.map((r) => (
          <Table.Tr key={r.cadreId} data-testid={`pool-${r.name}`}>
            <Table.Td><Checkbox aria-label={`比较 ${r.name}`} checked={selected.includes(r.cadreId)} onChange={() => toggle(r.cadreId)} /></Table.Td>
            <Table.Td fw={600}>{r.name}</Table.Td>
            <Table.Td>{r.villageName}</Table.Td>
            <Table.Td>{r.villagePost}</Table.Td>
            <Table.Td>{r.age}</Table.Td>
            <Table.Td>{r.education || '—'}</Table.Td>
            <Table.Td><VerdictBadges verdicts={r.verdicts} overall={r.overall} /></Table.Td>
            <Table.Td>
              {r.candidateId ? <Text size="xs" c="dimmed">已列入</Text> : (
                <Button size="xs" variant="light" disabled={disabled} onClick={async () => {
                  try { await invoke('cross.candidateAdd', { pilotId, cadreId: r.cadreId, origin: '推荐' }); onAdded(); } catch (e) { notifications.show({ color: 'red', message: (e as Error).message }); }
                }}>列入人选</Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function PilotPage({ id }: { id: string }) {
  const { data: d, error, reload } = useApi('cross.pilotGet', { id });
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const [stepFor, setStepFor] = useState<CandidateView | null>(null);
  const sel = useSelection();
  const refresh = () => {
    void reload();
    setVersion((v) => v + 1);
  };
  if (error) return <Alert color="red">{error}</Alert>;
  if (!d) return <Loader />;
  const filled = !!d.pilot.filled;
  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Anchor size="sm" href="#/cross">← 跨村任职</Anchor>
          <Title order={1}>{townName(d.townCode)} {d.villageName} · {d.pilot.post}</Title>
          <Text size="sm">任职期间 {d.pilot.periodStart}–{d.pilot.periodEnd}{d.pilot.reason ? `　事由：${d.pilot.reason}` : ''}</Text>
          <ThresholdLine d={d} />
        </div>
        <Group>
          <Button variant="default" onClick={() => setEditing(true)}>修改试点</Button>
          <Button variant="subtle" color="gray" onClick={async () => {
            if (!window.confirm('将本试点移入回收站？人选和已记录的步骤随试点保留，可在回收站恢复。')) return;
            try { await invoke('cross.pilotDelete', { id }); navigate('/cross'); } catch (e) { notifications.show({ color: 'red', message: (e as Error).message }); }
          }}>移入回收站</Button>
        </Group>
      </Group>
      <FilledNotice d={d} />
      <Group justify="space-between">
        <Title order={2}>人选名单</Title>
        <Group>
          <Text size="sm" c="dimmed">已选 {sel.ids.length} 人（2–{MAX_COMPARE} 人）</Text>
          <Button disabled={sel.ids.length < 2} onClick={() => navigate(`/cross/${id}/compare?ids=${sel.ids.join(',')}`)}>比较所选</Button>
        </Group>
      </Group>
      <CandidateTable d={d} selected={sel.ids} toggle={sel.toggle} onStep={setStepFor} onChanged={refresh} />
      <RemovedCandidates d={d} onChanged={refresh} />
      <ManualAdd pilotId={id} onAdded={refresh} disabled={filled} />
      <Title order={2}>推荐人选（{townName(d.townCode)}强村、示范村干部，不含本村）</Title>
      <PoolTable pilotId={id} selected={sel.ids} toggle={sel.toggle} onAdded={refresh} disabled={filled} version={version} />
      <PilotForm opened={editing} onClose={() => setEditing(false)} pilot={d.pilot} onSaved={refresh} />
      <StepModal
        candidate={stepFor}
        onClose={() => setStepFor(null)}
        onDone={(result) => {
          setStepFor(null);
          refresh();
          notifyStepResult(result, '步骤已保存');
        }}
      />
    </Stack>
  );
}
