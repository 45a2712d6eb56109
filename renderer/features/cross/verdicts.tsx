/**
 * Verdict display: a summary badge with the failing/warning checks beside it; hovering a badge
 * shows the reason, and `VerdictList` spells every reason out for reading in full.
 */
import { Badge, Group, List, Text, Tooltip } from '@mantine/core';
import type { Verdict, VerdictResult } from '../../../shared/domain/crossPosting.js';
import { VERDICT_TEXT } from '../../../shared/rules/eligibilityCompare.js';

export const VERDICT_COLOR: Record<VerdictResult, string> = { pass: 'green', warn: 'yellow', fail: 'red' };
const ICON: Record<VerdictResult, string> = { pass: '✓', warn: '！', fail: '✗' };

export function OverallBadge({ overall }: { overall: VerdictResult }) {
  return (
    <Badge color={VERDICT_COLOR[overall]} variant={overall === 'pass' ? 'light' : 'filled'} data-verdict={overall}>
      {VERDICT_TEXT[overall]}
    </Badge>
  );
}

/** The overall badge plus one small badge per non-passing check (reason on hover). */
export function VerdictBadges({ verdicts, overall }: { verdicts: Verdict[]; overall: VerdictResult }) {
  const issues = verdicts.filter((v) => v.result !== 'pass');
  return (
    <Group gap={4} wrap="wrap">
      <OverallBadge overall={overall} />
      {issues.map((v) => (
        <Tooltip key={v.ruleId} label={v.reason} multiline w={360} withArrow>
          <Badge color={VERDICT_COLOR[v.result]} variant="outline" size="sm" style={{ cursor: 'help' }} tabIndex={0} aria-label={`${v.label}：${v.reason}`}>
            {ICON[v.result]} {v.label}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

/** Every check with its reason, failures first. */
export function VerdictList({ verdicts }: { verdicts: Verdict[] }) {
  const order = { fail: 0, warn: 1, pass: 2 } as const;
  const sorted = [...verdicts].sort((a, b) => order[a.result] - order[b.result]);
  return (
    <List spacing={4} size="sm" listStyleType="none" data-testid="verdict-list">
      {sorted.map((v) => (
        <List.Item key={v.ruleId}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Badge color={VERDICT_COLOR[v.result]} variant={v.result === 'pass' ? 'light' : 'filled'} size="sm" miw={64}>
              {VERDICT_TEXT[v.result]}
            </Badge>
            <Text size="sm">
              <b>{v.label}</b>：{v.reason}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
