/** Who is at which host when: one row per host, one bar per placement, month ticks on top. */
import { Box, Group, Text, Tooltip } from '@mantine/core';
import type { PlacementRow, ShadowBatchRow } from '../../../../shared/contract/programs.js';

const dayNumber = (d: string) => {
  const [y, m, day] = d.split('.').map(Number);
  return Date.UTC(y, (m || 1) - 1, day || 1) / 86_400_000;
};

const COLORS: Record<string, string> = { 计划: '#adb5bd', 在岗: '#228be6', 结业: '#40c057', 中止: '#fa5252' };

export function PlacementTimeline({ batch, placements }: { batch: ShadowBatchRow; placements: PlacementRow[] }) {
  const from = Math.min(dayNumber(batch.start), ...placements.map((p) => dayNumber(p.start)));
  const to = Math.max(dayNumber(batch.end), ...placements.map((p) => dayNumber(p.end))) + 1;
  const width = Math.max(1, to - from);
  const pct = (d: number) => `${((d - from) / width) * 100}%`;

  const ticks: { at: number; label: string }[] = [];
  const first = new Date(from * 86_400_000);
  for (let t = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1)); t.getTime() / 86_400_000 < to; t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1))) {
    ticks.push({ at: t.getTime() / 86_400_000, label: `${t.getUTCMonth() + 1}月` });
  }

  return (
    <Box data-testid="placement-timeline">
      <Group gap={0} wrap="nowrap">
        <Box w={160} />
        <Box style={{ position: 'relative', flex: 1, height: 18 }}>
          {ticks.map((t) => (
            <Text key={t.at} size="xs" c="dimmed" style={{ position: 'absolute', left: pct(t.at), transform: 'translateX(-50%)' }}>{t.label}</Text>
          ))}
        </Box>
      </Group>
      {batch.hosts.map((h) => {
        const mine = placements.filter((p) => p.hostKey === h.key);
        return (
          <Group key={h.key} gap={0} wrap="nowrap" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Text w={160} size="sm" truncate title={batch.hostLabels[h.key]}>{batch.hostLabels[h.key]}</Text>
            <Box style={{ position: 'relative', flex: 1, height: Math.max(1, mine.length) * 24 + 6 }}>
              <Box style={{ position: 'absolute', left: pct(dayNumber(batch.start)), width: `${((dayNumber(batch.end) + 1 - dayNumber(batch.start)) / width) * 100}%`, top: 0, bottom: 0, background: 'var(--mantine-color-gray-0)' }} />
              {ticks.map((t) => <Box key={t.at} style={{ position: 'absolute', left: pct(t.at), top: 0, bottom: 0, borderLeft: '1px dashed var(--mantine-color-gray-3)' }} />)}
              {mine.map((p, i) => (
                <Tooltip key={p.id} label={`${p.cadreName} ${p.start}–${p.end} ${p.status}${p.stopped ? `（${p.stopped.reason}）` : ''}`}>
                  <Box
                    style={{
                      position: 'absolute',
                      top: 4 + i * 24,
                      height: 20,
                      left: pct(dayNumber(p.start)),
                      width: `${(Math.max(1, dayNumber(p.end) + 1 - dayNumber(p.start)) / width) * 100}%`,
                      background: COLORS[p.status] ?? '#868e96',
                      borderRadius: 4,
                      color: 'white',
                      fontSize: 12,
                      lineHeight: '20px',
                      paddingLeft: 6,
                      overflow: 'hidden',
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {p.cadreName}
                  </Box>
                </Tooltip>
              ))}
            </Box>
          </Group>
        );
      })}
      <Group gap="md" mt="xs">
        {Object.entries(COLORS).map(([s, c]) => (
          <Group key={s} gap={4}><Box w={12} h={12} style={{ background: c, borderRadius: 2 }} /><Text size="xs">{s}</Text></Group>
        ))}
      </Group>
    </Box>
  );
}
