import { Badge, Button, Group, SegmentedControl, Table, Tabs, Text } from '@mantine/core';
import type { ImportPreview, ImportRow } from '../../../shared/contract/import.js';
import { FieldDiffs, More, RefusedTable, refusedIssues, SHOW } from './previewParts';


function RowTable({ rows }: { rows: ImportRow[] }) {
  return (
    <>
      <Table striped withTableBorder fz="sm" style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>行</Table.Th><Table.Th>姓名</Table.Th><Table.Th>性别</Table.Th><Table.Th>出生年月</Table.Th>
            <Table.Th>身份证号码</Table.Th><Table.Th>政治面貌</Table.Th><Table.Th>职务</Table.Th><Table.Th>提示</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.slice(0, SHOW).map((r) => (
            <Table.Tr key={r.row}>
              <Table.Td>{r.row}</Table.Td><Table.Td>{r.data.name}</Table.Td><Table.Td>{r.data.sex}</Table.Td><Table.Td>{r.data.birth}</Table.Td>
              <Table.Td ff="monospace">{r.data.idNumber}</Table.Td><Table.Td>{r.data.politicalStatus}</Table.Td>
              <Table.Td>{r.data.villagePost ?? r.data.currentPosition}</Table.Td>
              <Table.Td style={{ whiteSpace: 'normal' }}>{r.warnings.map((w, i) => <Text key={i} size="xs" c="orange">【{w.column}】{w.message}</Text>)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <More total={rows.length} />
    </>
  );
}

export type Choice = 'update' | 'skip';

export function PreviewTabs(props: {
  preview: ImportPreview;
  choices: Record<string, Choice>;
  onChoice: (cadreId: string, c: Choice) => void;
  onAll: (c: Choice) => void;
}) {
  const p = props.preview;
  const changed = p.existing.filter((e) => e.diffs.length > 0);
  const same = p.existing.length - changed.length;
  const issues = refusedIssues(p.refused);
  return (
    <Tabs defaultValue={p.refused.length ? 'refused' : 'accepted'} keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="accepted">可导入 <Badge size="sm" color="green" variant="light">{p.accepted.length}</Badge></Tabs.Tab>
        <Tabs.Tab value="warned">有警告 <Badge size="sm" color="orange" variant="light">{p.warned.length}</Badge></Tabs.Tab>
        <Tabs.Tab value="refused">被拒绝 <Badge size="sm" color="red" variant="light">{p.refused.length}</Badge></Tabs.Tab>
        <Tabs.Tab value="existing">已有档案 <Badge size="sm" color="blue" variant="light">{p.existing.length}</Badge></Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="accepted" pt="xs">
        {p.accepted.length ? <RowTable rows={p.accepted} /> : <Text c="dimmed" size="sm">没有无问题的行。</Text>}
      </Tabs.Panel>
      <Tabs.Panel value="warned" pt="xs">
        <Text size="sm" c="dimmed" mb="xs">这些行会导入，但请留意提示的内容。</Text>
        <RowTable rows={p.warned} />
      </Tabs.Panel>
      <Tabs.Panel value="refused" pt="xs">
        <Text size="sm" c="dimmed" mb="xs">这些行不会导入。请在 Excel 中按提示修改后重新选择文件。</Text>
        <RefusedTable issues={issues} nameHeader="姓名" testId="refused-table" />
        <More total={issues.length} />
      </Tabs.Panel>
      <Tabs.Panel value="existing" pt="xs">
        <Group mb="xs" justify="space-between">
          <Text size="sm" c="dimmed">身份证号码已在档案库中的人：逐项比较后选择更新或跳过。{same > 0 && `另有 ${same} 人与已有档案完全相同，将跳过。`}</Text>
          {changed.length > 0 && (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => props.onAll('update')}>全部更新</Button>
              <Button size="xs" variant="default" onClick={() => props.onAll('skip')}>全部跳过</Button>
            </Group>
          )}
        </Group>
        <Table withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr><Table.Th>行</Table.Th><Table.Th>姓名</Table.Th><Table.Th>不同之处（档案库 → 文件）</Table.Th><Table.Th w={150}>处理</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changed.slice(0, SHOW).map((e) => (
              <Table.Tr key={e.cadreId}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{e.name}</Table.Td>
                <Table.Td>
                  <FieldDiffs diffs={e.diffs} />
                  {e.warnings.map((w, i) => <Text key={i} size="xs" c="orange">【{w.column}】{w.message}</Text>)}
                </Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    aria-label={`${e.name}：更新或跳过`}
                    value={props.choices[e.cadreId] ?? 'skip'}
                    onChange={(v) => props.onChoice(e.cadreId, v)}
                    data={[{ value: 'update', label: '更新' }, { value: 'skip', label: '跳过' }]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <More total={changed.length} />
      </Tabs.Panel>
    </Tabs>
  );
}
