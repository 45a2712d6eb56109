import { Badge, Group, Rating, Text, Tooltip } from '@mantine/core';
import { latestStars, type Village } from '../../../shared/domain/village.js';

/** The flags of a village as badges, in the words the 组织部 uses. */
export function VillageBadges({ village: v }: { village: Village }) {
  return (
    <Group gap={4} wrap="wrap">
      {v.weakLax && (
        <Badge color={v.weakLax.status === '整顿中' ? 'red' : 'gray'} variant="light">
          软弱涣散 {v.weakLax.year} · {v.weakLax.status}
        </Badge>
      )}
      {v.demonstration && <Badge color="teal" variant="light">{v.demonstration}示范村</Badge>}
      {v.redVillage && <Badge color="red" variant="filled">红色村</Badge>}
      {v.crossPilot && <Badge color="violet" variant="light">跨村任职试点</Badge>}
      {v.demo && <Badge color="yellow" variant="outline">示例</Badge>}
    </Group>
  );
}

/** 活力指数 of the latest rated year, e.g. ★★★★☆ 2025. */
export function LatestStars({ village }: { village: Village }) {
  const s = latestStars(village);
  if (!s) return <Text size="sm" c="dimmed">未评定</Text>;
  return (
    <Tooltip label={`${s.year} 年活力指数 ${s.stars} 星`}>
      <Group gap={4} wrap="nowrap" aria-label={`${s.year}年活力指数${s.stars}星`}>
        <Rating value={s.stars} readOnly size="xs" />
        <Text size="xs" c="dimmed">{s.year}</Text>
      </Group>
    </Tooltip>
  );
}

export const STRENGTH_COLOR: Record<string, string> = { 强: 'green', 一般: 'gray', 弱: 'orange' };
