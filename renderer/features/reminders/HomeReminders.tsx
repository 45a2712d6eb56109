/** The top of 首页: how many reminders per urgency and the most pressing few. */
import { Anchor, Badge, Card, Group, Text, Title } from '@mantine/core';
import { URGENCIES } from '../../../shared/rules/reminders.js';
import { navigate } from '../../app/router';
import { useApi } from '../../components/useApi';
import { ReminderTable, URGENCY_COLOR } from './RemindersPage';

export function HomeReminders() {
  const desk = useApi('reminders.list', { on: '' });
  const items = desk.data?.items ?? [];
  if (!desk.data) return null;
  return (
    <Card withBorder data-testid="home-reminders">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={2}>提醒</Title>
          {URGENCIES.map((u) => {
            const n = items.filter((r) => r.urgency === u).length;
            return n ? <Badge key={u} color={URGENCY_COLOR[u]}>{u} {n}</Badge> : null;
          })}
        </Group>
        <Anchor component="button" onClick={() => navigate('/reminders')}>全部提醒（{items.length}）→</Anchor>
      </Group>
      {items.length === 0 ? <Text size="sm" c="dimmed">没有待办提醒。</Text> : <ReminderTable items={items.slice(0, 6)} />}
    </Card>
  );
}
