/** What the 花名册 and the 村（社区）名册 previews show alike: refused rows and field-by-field differences. */
import { Table, Text } from '@mantine/core';
import type { ImportDiff, ImportIssue, ImportPreview } from '../../../shared/contract/import.js';

/** Rows shown per table; a roster of thousands would otherwise freeze the page. Import takes them all. */
export const SHOW = 300;

export function More({ total }: { total: number }) {
  return total > SHOW ? <Text size="xs" c="dimmed" mt={4}>仅显示前 {SHOW} 行，共 {total} 行；导入时全部导入。</Text> : null;
}

/** Every refusal reason of every refused row, each naming its row and its column. */
export function refusedIssues(refused: ImportPreview['refused']): (ImportIssue & { name: string })[] {
  return refused.flatMap((r) => r.issues.map((i) => ({ ...i, name: r.name })));
}

export function RefusedTable({ issues, nameHeader, testId }: { issues: (ImportIssue & { name: string })[]; nameHeader: string; testId: string }) {
  return (
    <Table striped withTableBorder fz="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr><Table.Th>行</Table.Th><Table.Th>{nameHeader}</Table.Th><Table.Th>列</Table.Th><Table.Th>原因</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {issues.slice(0, SHOW).map((i, k) => (
          <Table.Tr key={k}>
            <Table.Td>{i.row}</Table.Td><Table.Td>{i.name}</Table.Td><Table.Td>{i.column}</Table.Td><Table.Td c="red">{i.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** "字段：旧值 → 新值" lines, the stored value struck through. */
export function FieldDiffs({ diffs }: { diffs: ImportDiff[] }) {
  return (
    <>
      {diffs.map((d) => (
        // pre-line: a 简历 is several lines and reads only as lines.
        <div key={d.field} style={{ whiteSpace: 'pre-line' }}><b>{d.label}</b>：<Text span c="dimmed" td="line-through">{d.before || '（空）'}</Text> → {d.after || '（空）'}</div>
      ))}
    </>
  );
}
