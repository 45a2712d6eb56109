import { Alert, Badge, Button, Group, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { DocxImportItem } from '../../../shared/contract/docx.js';
import { invoke } from '../../api/client';
import { useSubmit } from '../../components/useSubmit';

const STATUS: Record<DocxImportItem['status'], [string, string]> = {
  matched: ['将更新', 'blue'],
  same: ['相同', 'gray'],
  new: ['新人员', 'green'],
  ambiguous: ['需选择', 'orange'],
  refused: ['不能导入', 'red'],
};

export interface WordFile {
  fileName: string;
  base64: string;
}

/**
 * The Word 审批表 preview: for each file, the 档案 it matches (by 姓名 + 出生年月) and every field
 * that differs, before anything is saved. A new person needs a 身份证号码 typed here (the form
 * has none); when several 档案 match, the user picks one.
 */
export function DocxImportPreview({ files, items, onDone }: { files: WordFile[]; items: DocxImportItem[]; onDone: (r: { batchId?: string; items: DocxImportItem[] }) => void }) {
  const [idNumbers, setIdNumbers] = useState<Record<string, string>>({});
  const [choices, setChoices] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmit();
  const ready = items.filter((i) => i.status === 'matched' || (i.status === 'new' && idNumbers[i.file]?.trim()) || (i.status === 'ambiguous' && choices[i.file]));
  const confirm = () =>
    run(async () => {
      // A file may hold several people (`<file> › 第 2 份`): each carries its own choice.
      const of = (f: WordFile, i: DocxImportItem) => i.file === f.fileName || i.file.startsWith(`${f.fileName} › `);
      const chosen = files
        .filter((f) => ready.some((i) => of(f, i)))
        .map((f) => ({
          ...f,
          idNumber: idNumbers[f.fileName]?.trim() || undefined,
          cadreId: choices[f.fileName] || undefined,
          choices: items.filter((i) => i.file !== f.fileName && of(f, i)).map((i) => ({ item: i.file, idNumber: idNumbers[i.file]?.trim() || undefined, cadreId: choices[i.file] || undefined })),
        }));
      onDone(await invoke('docx.import', { files: chosen }));
    });
  return (
    <Stack gap="sm" mt="sm" data-testid="docx-preview">
      <Text size="sm" c="dimmed">Word 审批表按“姓名 + 出生年月”对应档案。以下为文件与档案不同之处，确认后才写入；未读入的部分保持档案原样。</Text>
      {items.map((item) => (
        <Stack key={item.file} gap={4} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }} data-testid="docx-item">
          <Group gap="xs">
            <Badge color={STATUS[item.status][1]}>{STATUS[item.status][0]}</Badge>
            <Text fw={500}>{item.file}</Text>
            {item.name && <Text size="sm">{item.name}　{item.birth}</Text>}
          </Group>
          <Text size="sm">{item.message}</Text>
          {item.status === 'new' && (
            <TextInput size="xs" w={260} label="身份证号码（审批表上没有，新建档案必填）" value={idNumbers[item.file] ?? ''} onChange={(e) => setIdNumbers((m) => ({ ...m, [item.file]: e.currentTarget.value }))} />
          )}
          {item.status === 'ambiguous' && (
            <Radio.Group label="更新哪一份档案" value={choices[item.file] ?? ''} onChange={(v) => setChoices((m) => ({ ...m, [item.file]: v }))}>
              <Stack gap={4} mt={4}>
                {item.candidates?.map((c) => <Radio key={c.id} value={c.id} label={`${c.name}　${c.idNumber}　${c.post}`} />)}
              </Stack>
            </Radio.Group>
          )}
          {item.differences.length > 0 && (
            <Table fz="xs" withTableBorder striped data-testid="docx-differences">
              <Table.Thead>
                <Table.Tr><Table.Th w={150}>栏目</Table.Th><Table.Th w="42%">档案中</Table.Th><Table.Th w="42%">文件中</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {item.differences.map((d) => (
                  <Table.Tr key={d.field}>
                    <Table.Td>{d.field}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{d.stored || '（空）'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{d.file || '（空）'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {item.unreadable.map((u) => <Text key={u} size="xs" c="orange">未读入：{u}</Text>)}
          {item.warnings.map((w) => <Text key={w} size="xs" c="orange">{w}</Text>)}
        </Stack>
      ))}
      {error && <Alert color="red">{error}</Alert>}
      <Group>
        <Button onClick={() => void confirm()} loading={busy} disabled={ready.length === 0}>确认导入 {ready.length} 份审批表</Button>
      </Group>
    </Stack>
  );
}
