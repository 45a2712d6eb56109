import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ProgressEvent } from '../../shared/contract/job.js';
import { ApiCallError, invoke, onEvent } from '../api/client';

export interface RunningJob {
  id: string;
  progress: ProgressEvent | null;
}

/** A cancelled call fails with this code; screens say 已取消 quietly rather than as an error. */
export const isCancelled = (e: unknown) => e instanceof ApiCallError && e.code === 'CANCELLED';

/**
 * One long call at a time on a screen, named so its progress events can be followed and it can be
 * cancelled. Listens to the event stream for as long as the screen is open, so the first events
 * of a job are not missed while a subscription would still be connecting.
 */
export function useJob() {
  const [job, setJob] = useState<RunningJob | null>(null);
  const current = useRef<string | null>(null);
  /** Jobs the user cancelled: a result that still arrives afterwards is dropped, never shown. */
  const cancelled = useRef(new Set<string>());
  useEffect(
    () =>
      onEvent((e) => {
        if (e.type === 'progress' && e.job === current.current) setJob({ id: e.job, progress: e });
      }),
    [],
  );

  /** Runs `call` with a fresh job id; the bar shows until it settles. */
  async function track<T>(call: (job: string) => Promise<T>): Promise<T> {
    const id = crypto.randomUUID();
    current.current = id;
    setJob({ id, progress: null });
    try {
      const result = await call(id);
      // 取消 was pressed while the answer was already on its way: the user asked for nothing, so nothing shows.
      if (cancelled.current.has(id)) throw new ApiCallError({ code: 'CANCELLED', message: '已取消' });
      return result;
    } finally {
      cancelled.current.delete(id);
      if (current.current === id) {
        current.current = null;
        setJob(null);
      }
    }
  }

  function cancel(): void {
    if (!job) return;
    cancelled.current.add(job.id);
    void invoke('job.cancel', { job: job.id });
  }

  return { job, track, cancel };
}

/** What a stage is doing, in the words of the progress bar. */
const UNIT: Record<ProgressEvent['stage'], string> = { 读取: '', 校验: '行', 写入: '', '生成 PDF': '' };

/** The bar for a running job: stage in Chinese, how far, and 取消 where stopping is safe. */
export function JobProgress({ job, label, onCancel }: { job: RunningJob; label: string; onCancel?: () => void }) {
  const p = job.progress;
  const pct = p && p.total > 0 ? Math.min(100, (100 * p.done) / p.total) : 0;
  const counted = p && p.total > 1 && UNIT[p.stage];
  return (
    <Stack gap={4} data-testid="job-progress">
      <Group justify="space-between">
        <Text size="sm">
          {label}：{p ? p.stage : '准备'}
          {counted ? `（${p.done.toLocaleString('zh-CN')} / ${p.total.toLocaleString('zh-CN')} ${UNIT[p.stage]}）` : '……'}
        </Text>
        {onCancel && (
          <Button size="xs" variant="default" onClick={onCancel}>
            取消
          </Button>
        )}
      </Group>
      <Progress value={pct} animated={!p || p.stage === '读取'} striped={!p || p.stage === '读取'} aria-label={`${label}进度`} />
    </Stack>
  );
}
