import { Alert, Badge, Button, Checkbox, FileButton, Group, Loader, Modal, Stack, Table, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { VillageData, VillageImportPreview } from '../../../shared/contract/import.js';
import { townName } from '../../../shared/domain/towns.js';
import { fileToBase64, invoke } from '../../api/client';
import { useSubmit } from '../../components/useSubmit';
import { MappingTable } from './MappingTable';
import { FieldDiffs, RefusedTable, refusedIssues, SHOW } from './previewParts';

function flags(d: VillageData): string {
  return [
    d.weakLax ? `软弱涣散 ${d.weakLax.year}（${d.weakLax.status}）` : '',
    d.demonstration ? `${d.demonstration}示范村` : '',
    d.redVillage ? '红色村' : '',
    d.crossPilot ? '跨村任职试点' : '',
  ].filter(Boolean).join('、');
}

/** 村（社区） roster from Excel: file → mapping → preview → import all at once. */
export function VillageImportModal({ opened, onClose, onDone }: { opened: boolean; onClose: () => void; onDone: () => void }) {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [sheet, setSheet] = useState<string | undefined>();
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<VillageImportPreview | null>(null);
  const [updateExisting, setUpdateExisting] = useState(true);
  const { busy, error, setError, run } = useSubmit();

  function reset() {
    setFile(null);
    setSheet(undefined);
    setMapping({});
    setPreview(null);
    setError(null);
  }

  const load = (f: { name: string; base64: string }, nextSheet?: string, nextMapping: Record<string, string> = mapping) =>
    run(
      async () => setPreview(await invoke('import.villagePreview', { fileName: f.name, base64: f.base64, sheet: nextSheet, mapping: nextMapping })),
      () => setPreview(null),
    );

  async function choose(f: File | null) {
    if (!f) return;
    const chosen = { name: f.name, base64: await fileToBase64(f) };
    setFile(chosen);
    setSheet(undefined);
    setMapping({});
    await load(chosen, undefined, {});
  }

  const changed = preview ? preview.existing.filter((e) => e.diffs.length > 0) : [];
  const updates = updateExisting ? changed : [];
  const creates = preview?.accepted ?? [];

  async function commit() {
    if (!preview || !file) return;
    await run(async () => {
      const r = await invoke('import.villageCommit', {
        fileName: file.name,
        create: creates.map((x) => ({ row: x.row, data: x.data })),
        update: updates.map((e) => ({ row: e.row, villageId: e.villageId, updatedAt: e.updatedAt, data: e.data })),
      });
      notifications.show({ color: 'green', message: `已导入村（社区）名册：新建 ${r.created} 个，更新 ${r.updated} 个。如有误，可在“导入导出 → 导入批次”中撤销本批。` });
      reset();
      onDone();
    });
  }

  const issues = preview ? refusedIssues(preview.refused) : [];
  return (
    <Modal opened={opened} onClose={() => { reset(); onClose(); }} title="从 Excel 导入村（社区）" size="xl">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Text size="sm" c="dimmed" maw={560}>
            每行一个村（社区），列：镇街、村（社区）名称、类型、战斗力（强/一般/弱）、软弱涣散年份、示范村（区级/市级）、红色村（是/否）、跨村任职试点（是/否）。
            表头可以在标题行下面，镇街可以合并单元格。已在村居信息中的村（社区）按“镇街 + 名称”对应，空白的格不改动原有信息。
          </Text>
          <FileButton onChange={(f) => void choose(f)} accept=".xlsx,.xls,.csv,.et">
            {(props) => <Button {...props}>选择 Excel 文件…</Button>}
          </FileButton>
        </Group>
        {file && <Text size="sm">文件：{file.name}</Text>}
        {busy && <Group gap="xs"><Loader size="sm" /><Text size="sm">正在读取……</Text></Group>}
        {error && <Alert color="red" title="无法导入" data-testid="village-import-error">{error}</Alert>}

        {preview?.chooseSheet && file && (
          <Group>
            <Text size="sm">文件中有多个工作表，请选择：</Text>
            {preview.sheets.filter((s) => s.hasTable).map((s) => (
              <Button key={s.name} size="xs" variant="default" onClick={() => { setSheet(s.name); void load(file, s.name); }}>{s.name}（{s.rows} 行）</Button>
            ))}
          </Group>
        )}
        {preview && !preview.chooseSheet && !preview.sheet && (
          <Alert color="orange">没有在文件中找到村（社区）名册的表头（应有“镇街”“村（社区）名称”等列）。</Alert>
        )}

        {preview?.sheet && file && (
          <>
            <Text size="sm">工作表“{preview.sheet}”，表头在第 {preview.headerRow} 行。核对每一列导入为哪一项：</Text>
            <MappingTable
              columns={preview.columns}
              fields={preview.fields}
              onChange={(key, field) => {
                const next = { ...mapping, [key]: field };
                setMapping(next);
                void load(file, sheet, next);
              }}
            />
            <Tabs defaultValue={preview.refused.length ? 'refused' : 'accepted'} keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="accepted">新建 <Badge size="sm" color="green" variant="light">{preview.accepted.length}</Badge></Tabs.Tab>
                <Tabs.Tab value="refused">被拒绝 <Badge size="sm" color="red" variant="light">{preview.refused.length}</Badge></Tabs.Tab>
                <Tabs.Tab value="existing">已有 <Badge size="sm" color="blue" variant="light">{preview.existing.length}</Badge></Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="accepted" pt="xs">
                <Table striped withTableBorder fz="sm" data-testid="village-accepted-table">
                  <Table.Thead>
                    <Table.Tr><Table.Th>行</Table.Th><Table.Th>镇街</Table.Th><Table.Th>名称</Table.Th><Table.Th>类型</Table.Th><Table.Th>战斗力</Table.Th><Table.Th>标识</Table.Th></Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.accepted.slice(0, SHOW).map((r) => (
                      <Table.Tr key={r.row}>
                        <Table.Td>{r.row}</Table.Td><Table.Td>{townName(r.data.townCode)}</Table.Td><Table.Td>{r.data.name}</Table.Td>
                        <Table.Td>{r.data.kind}</Table.Td><Table.Td>{r.data.strength}</Table.Td><Table.Td>{flags(r.data)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Tabs.Panel>
              <Tabs.Panel value="refused" pt="xs">
                <Text size="sm" c="dimmed" mb="xs">这些行不会导入。请在 Excel 中按提示修改后重新选择文件。</Text>
                <RefusedTable issues={issues} nameHeader="名称" testId="village-refused-table" />
              </Tabs.Panel>
              <Tabs.Panel value="existing" pt="xs">
                <Text size="sm" c="dimmed" mb="xs">
                  已在村居信息中的村（社区）。{preview.existing.length - changed.length > 0 && `其中 ${preview.existing.length - changed.length} 个与文件一致，不需改动。`}
                </Text>
                <Table withTableBorder fz="sm" data-testid="village-existing-table">
                  <Table.Thead>
                    <Table.Tr><Table.Th>行</Table.Th><Table.Th>村（社区）</Table.Th><Table.Th>不同之处（现有 → 文件）</Table.Th></Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {changed.slice(0, SHOW).map((e) => (
                      <Table.Tr key={e.villageId}>
                        <Table.Td>{e.row}</Table.Td>
                        <Table.Td>{townName(e.townCode)}{e.name}</Table.Td>
                        <Table.Td><FieldDiffs diffs={e.diffs} /></Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Tabs.Panel>
            </Tabs>
            {changed.length > 0 && (
              <Checkbox
                label={`同时按文件更新 ${changed.length} 个已有村（社区）的信息`}
                checked={updateExisting}
                onChange={(e) => setUpdateExisting(e.currentTarget.checked)}
              />
            )}
            <Group justify="space-between">
              <Text size="sm" c={preview.refused.length ? 'red' : 'dimmed'}>
                {preview.refused.length ? `被拒绝的 ${preview.refused.length} 行不会导入。` : '全部行都可以导入。'}整批一次保存，记入审计记录。
              </Text>
              <Button onClick={() => void commit()} disabled={busy || creates.length + updates.length === 0}>
                导入 {creates.length + updates.length} 个（新建 {creates.length}，更新 {updates.length}）
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
