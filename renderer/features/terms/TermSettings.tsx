/** 设置 section: 任期年限 and the thresholds of the reminders desk. */
import { Button, Card, Group, NumberInput, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TermSettings as Terms } from '../../../shared/domain/terms.js';

export function TermSettings({ value, onSave }: { value: Terms; onSave: (t: Terms) => void }) {
  const [t, setT] = useState<Terms>(value);
  useEffect(() => setT(value), [value]);
  const num = (k: keyof Terms) => (v: number | string) => typeof v === 'number' && setT({ ...t, [k]: v });
  return (
    <Card withBorder data-testid="term-settings">
      <Title order={2} mb="xs">任期与提醒</Title>
      <Text size="sm" c="dimmed" mb="sm">届次未填任期止、应换届时间时，按任期年限计算。提醒页按以下条件列出到期事项。</Text>
      <Group align="end">
        <NumberInput label="任期年限（年）" min={1} max={10} w={130} value={t.termYears} onChange={num('termYears')} />
        <NumberInput label="应换届提前提醒（月）" min={1} max={36} w={160} value={t.dueWithinMonths} onChange={num('dueWithinMonths')} />
        <NumberInput label="到龄上限（岁）" min={40} max={80} w={130} value={t.ageCap} onChange={num('ageCap')} />
        <NumberInput label="任现职满（年）" min={1} max={40} w={130} value={t.maxPostYears} onChange={num('maxPostYears')} />
        <NumberInput label="任期、结对到期提前（月）" min={1} max={12} w={180} value={t.endingWithinMonths} onChange={num('endingWithinMonths')} />
        <Button onClick={() => onSave(t)}>保存</Button>
      </Group>
    </Card>
  );
}
