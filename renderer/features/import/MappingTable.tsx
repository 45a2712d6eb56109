import { Select, Table, Text } from '@mantine/core';
import type { ImportColumn } from '../../../shared/contract/import.js';

/** One line per column of the sheet: what it says, and what we import it as (the user may correct it). */
export function MappingTable(props: {
  columns: ImportColumn[];
  fields: { key: string; label: string }[];
  onChange: (key: string, field: string) => void;
}) {
  const options = [{ value: '', label: '（不导入）' }, ...props.fields.filter((f) => f.key !== 'seq').map((f) => ({ value: f.key, label: f.label }))];
  return (
    <Table striped withTableBorder data-testid="mapping-table" maw={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>列</Table.Th>
          <Table.Th>表头（文件中）</Table.Th>
          <Table.Th w={300}>导入为</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.columns.map((c) => (
          <Table.Tr key={c.index}>
            <Table.Td>{c.letter}</Table.Td>
            <Table.Td>
              {c.header}
              {!c.field && <Text span size="xs" c="orange" ml="xs">未识别</Text>}
            </Table.Td>
            <Table.Td>
              <Select
                aria-label={`“${c.header}”列导入为`}
                size="xs"
                data={options}
                value={c.field === 'seq' ? '' : c.field}
                allowDeselect={false}
                searchable
                onChange={(v) => props.onChange(c.key, v ?? '')}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
