/**
 * What a list says when it shows nothing (issue 19 item 5). Two different situations, two different words:
 * a search or filter that matches nobody (say so, and offer 清除筛选 — the data is there, only hidden), and a list
 * with nothing in it yet (say what to do to fill it).
 */
import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function NoMatch({ what, onClear }: { what: string; onClear: () => void }) {
  return (
    <Alert color="gray" title={`没有符合条件的${what}`} data-testid="no-match">
      <Group gap="sm">
        <Text size="sm">换个关键字或放宽筛选条件再试。</Text>
        <Button size="xs" variant="default" onClick={onClear}>清除筛选</Button>
      </Group>
    </Alert>
  );
}

export function FirstUse({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Alert color="blue" title={title} data-testid="first-use">
      {children}
    </Alert>
  );
}

/** A spinner with words, for a list or page whose data is still on its way. */
export function Loading({ what }: { what: string }) {
  return (
    <Group gap="xs" role="status">
      <Loader size="sm" />
      <Text size="sm">正在载入{what}…</Text>
    </Group>
  );
}
