/** Import a 花名册 into a batch: preview every row with its problems, then import the good rows. */
import { Alert, Badge, Button, FileInput, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { RosterImportResult } from '../../../../shared/contract/programs.js';
import { fileToBase64, invoke } from '../../../api/client';
import { notifyOk } from '../common';

const LEVEL = { ok: { color: 'green', label: '可导入' }, warning: { color: 'yellow', label: '可导入（请注意）' }, error: { color: 'red', label: '不导入' } } as const;

export function RosterImport({ batchId, opened, onClose, onDone }: { batchId: string; opened: boolean; onClose: () => void; onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [payload, setPayload] = useState<{ fileName: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<RosterImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opened) {
      setFile(null);
      setPayload(null);
      setPreview(null);
      setError(null);
    }
  }, [opened]);

  async function choose(f: File | null) {
    setFile(f);
    setPreview(null);
    setError(null);
    if (!f) return;
    setBusy(true);
    try {
      const p = { fileName: f.name, base64: await fileToBase64(f) };
      setPayload(p);
      setPreview(await invoke('shadow.importRoster', { batchId, ...p, commit: false }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function commit() {
    if (!payload) return;
    setBusy(true);
    try {
      const r = await invoke('shadow.importRoster', { batchId, ...payload, commit: true });
      notifyOk(`已导入 ${r.created} 人的跟班安排${r.rows.length > r.created ? `，${r.rows.length - r.created} 行未导入` : ''}`);
      onDone();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="导入跟班花名册" size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          花名册需有“姓名”或“身份证号码”列，以及“跟班单位”列（本期只有一个跟班单位时可省略）；“开始日期”“结束日期”“跟班目标”可选，日期留空则按本期起止。干部须已在干部档案中。
        </Text>
        <FileInput label="选择花名册文件" placeholder="Excel（.xlsx / .xls）或 CSV" accept=".xlsx,.xls,.csv,.et" value={file} onChange={(f) => void choose(f)} clearable />
        {error && <Alert color="red" role="alert">{error}</Alert>}
        {preview && (
          <>
            <Text size="sm">工作表“{preview.sheet}”：共 {preview.rows.length} 行，{preview.importable} 行可导入，{preview.rows.length - preview.importable} 行有错误不导入。</Text>
            <Table data-testid="roster-preview">
              <Table.Thead><Table.Tr><Table.Th>行</Table.Th><Table.Th>姓名</Table.Th><Table.Th>跟班单位</Table.Th><Table.Th>起止</Table.Th><Table.Th>结果</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {preview.rows.map((r) => (
                  <Table.Tr key={r.excelRow}>
                    <Table.Td>{r.excelRow}</Table.Td>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>{r.hostLabel}</Table.Td>
                    <Table.Td>{r.start && r.end ? `${r.start}–${r.end}` : ''}</Table.Td>
                    <Table.Td>
                      <Badge color={LEVEL[r.level].color} variant="light">{LEVEL[r.level].label}</Badge>
                      {r.messages.length > 0 && <List size="xs">{r.messages.map((m, i) => <List.Item key={i}>{m}</List.Item>)}</List>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} disabled={!preview || preview.importable === 0} onClick={() => void commit()}>导入 {preview?.importable ?? 0} 人</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
