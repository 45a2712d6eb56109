/**
 * The open 智库结对 or 村居结对: its state, the edit / end / cancel / recycle actions, the
 * activity log and the end-or-cancel dialog. Both kinds of pair follow the same life cycle, so
 * they share this body and differ only in their heading line and their contract methods.
 */
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { MentorPair, VillagePair } from '../../../shared/domain/programs.js';
import { invoke } from '../../api/client';
import { useLastShown } from '../../components/useLastShown';
import { ActivityLog } from './ActivityLog';
import { attempt, CloseModal, StatusBadge } from './common';

const METHODS = {
  mentoring: {
    close: 'mentoring.pairClose',
    remove: 'mentoring.pairDelete',
    activityAdd: 'mentoring.activityAdd',
    activityUpdate: 'mentoring.activityUpdate',
    activityRemove: 'mentoring.activityRemove',
  },
  villagePair: {
    close: 'villagePair.close',
    remove: 'villagePair.delete',
    activityAdd: 'villagePair.activityAdd',
    activityUpdate: 'villagePair.activityUpdate',
    activityRemove: 'villagePair.activityRemove',
  },
} as const;

type Pair = Pick<MentorPair | VillagePair, 'id' | 'status' | 'goals' | 'closed' | 'activities'>;

export function PairDetail({
  program,
  pair,
  heading,
  onEdit,
  onChanged,
  onGone,
}: {
  program: keyof typeof METHODS;
  pair: Pair;
  /** What follows the status badge: the period of a 智库 pair, the year and partner of a 村居 pair. */
  heading: ReactNode;
  onEdit: () => void;
  onChanged: () => void;
  /** The pair went to the 回收站: close whatever shows it. */
  onGone: () => void;
}) {
  const m = METHODS[program];
  const [closing, setClosing] = useState<'已结束' | '已取消' | null>(null);
  const closingShown = useLastShown(closing);
  const active = pair.status === '进行中';
  return (
    <Stack>
      <Group gap="xs"><StatusBadge status={pair.status} /><Text size="sm">{heading}</Text></Group>
      {pair.goals && <Text size="sm">结对目标：{pair.goals}</Text>}
      {pair.closed && <Text size="sm" c="dimmed">{pair.status}于 {pair.closed.date}：{pair.closed.reason}</Text>}
      <Group>
        {active && <Button size="xs" variant="default" onClick={onEdit}>编辑</Button>}
        {active && <Button size="xs" variant="light" onClick={() => setClosing('已结束')}>结束结对</Button>}
        {active && <Button size="xs" variant="subtle" color="red" onClick={() => setClosing('已取消')}>取消结对</Button>}
        <Button size="xs" variant="subtle" color="gray" onClick={() => void attempt(() => invoke(m.remove, { id: pair.id }), '已移入回收站').then((ok) => { if (ok) { onGone(); onChanged(); } })}>移入回收站</Button>
      </Group>
      <Card withBorder>
        <ActivityLog
          activities={pair.activities}
          onAdd={async (data) => {
            const r = await invoke(m.activityAdd, { pairId: pair.id, data });
            onChanged();
            return r;
          }}
          onUpdate={async (a, data) => {
            const r = await invoke(m.activityUpdate, { pairId: pair.id, activityId: a.id, data });
            onChanged();
            return r;
          }}
          onRemove={async (a) => {
            if (await attempt(() => invoke(m.activityRemove, { pairId: pair.id, activityId: a.id }), '已删除活动记录')) onChanged();
          }}
        />
      </Card>
      <CloseModal
        opened={!!closing}
        title={closingShown === '已结束' ? '结束结对' : '取消结对'}
        dateLabel={closingShown === '已结束' ? '结束时间' : '取消时间'}
        confirmLabel={closingShown === '已结束' ? '结束结对' : '取消结对'}
        onClose={() => setClosing(null)}
        onConfirm={async (date, reason) => {
          await invoke(m.close, { id: pair.id, status: closing!, date, reason });
          onChanged();
        }}
      />
    </Stack>
  );
}
