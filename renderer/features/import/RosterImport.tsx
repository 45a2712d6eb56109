import { Alert, Button, Card, FileButton, Group, Loader, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { JobProgress, isCancelled, useJob } from '../../components/useJob';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ImportPreview, ImportResult } from '../../../shared/contract/import.js';
import { fileToBase64, invoke } from '../../api/client';
import { useApi } from '../../components/useApi';
import { MappingTable } from './MappingTable';
import { PreviewTabs, type Choice } from './PreviewTabs';

/** 花名册 import: file → sheet → mapping → preview → import → (undo). */
export function RosterImport({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [sheet, setSheet] = useState<string | undefined>();
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [template, setTemplate] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const reading = useJob();
  const [result, setResult] = useState<(ImportResult & { undone?: boolean }) | null>(null);
  const [saveOpen, setSaveOpen] = useState(false);
  const [templateName, setTemplateName] = useState('');
  const templates = useApi('import.templates', {});

  async function load(next: { file?: { name: string; base64: string }; sheet?: string; mapping?: Record<string, string>; template?: string | null }) {
    const f = next.file ?? file;
    if (!f) return;
    setBusy(true);
    setError(null);
    setCancelled(false);
    try {
      const tpl = next.template !== undefined ? next.template : template;
      const p = await reading.track((job) =>
        invoke('import.preview', {
          fileName: f.name,
          base64: f.base64,
          sheet: next.sheet ?? sheet,
          mapping: next.mapping ?? mapping,
          template: tpl ?? undefined,
          job,
        }),
      );
      setPreview(p);
      setChoices({});
    } catch (e) {
      setPreview(null);
      if (isCancelled(e)) setCancelled(true);
      else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function choose(f: File | null) {
    if (!f) return;
    const chosen = { name: f.name, base64: await fileToBase64(f) };
    setFile(chosen);
    setSheet(undefined);
    setMapping({});
    setResult(null);
    await load({ file: chosen, sheet: '', mapping: {} });
  }

  const updates = preview ? preview.existing.filter((e) => e.diffs.length > 0 && choices[e.cadreId] === 'update') : [];
  const creates = preview ? [...preview.accepted, ...preview.warned] : [];

  async function commit() {
    if (!preview || !file) return;
    setBusy(true);
    try {
      const r = await invoke('import.commit', {
        fileName: file.name,
        create: creates.map((x) => ({ row: x.row, data: x.data })),
        update: updates.map((e) => ({ row: e.row, cadreId: e.cadreId, updatedAt: e.updatedAt, data: e.data })),
      });
      setResult(r);
      setPreview(null);
      onImported();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function undo() {
    if (!result) return;
    try {
      const r = await invoke('import.undo', { batchId: result.batchId });
      setResult({ ...result, undone: true });
      notifications.show({ color: 'green', message: `已撤销本批导入：删除 ${r.removed} 人，恢复 ${r.restored} 人` });
      onImported();
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    }
  }

  async function saveTemplate() {
    if (!preview) return;
    const full = Object.fromEntries(preview.columns.map((c) => [c.key, c.field]));
    try {
      await invoke('import.saveTemplate', { name: templateName, mapping: full });
      notifications.show({ color: 'green', message: `已保存导入模板“${templateName.trim()}”` });
      setSaveOpen(false);
      void templates.reload();
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    }
  }

  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between">
          <div>
            <Title order={2}>导入花名册</Title>
            <Text size="sm" c="dimmed">支持 .xlsx / .xls / .csv。表头可以在标题、填报单位行下面，合并单元格、空行和合计行会自动跳过。</Text>
          </div>
          <Group>
            <Select
              placeholder="套用导入模板"
              aria-label="套用导入模板"
              clearable
              w={180}
              data={(templates.data ?? []).map((t) => t.name)}
              value={template}
              onChange={(v) => {
                setTemplate(v);
                setMapping({});
                void load({ template: v, mapping: {} });
              }}
            />
            <FileButton onChange={(f) => void choose(f)} accept=".xlsx,.xls,.csv,.et">
              {(props) => <Button {...props}>选择花名册文件…</Button>}
            </FileButton>
          </Group>
        </Group>
        {file && <Text size="sm" mt="xs">文件：{file.name}</Text>}
      </Card>

      {reading.job && <JobProgress job={reading.job} label="读取花名册" onCancel={reading.cancel} />}
      {busy && !reading.job && <Group><Loader size="sm" /><Text size="sm">正在导入……</Text></Group>}
      {cancelled && <Text size="sm" c="dimmed" data-testid="import-cancelled">已取消读取花名册。</Text>}
      {error && <Alert color="red" title="无法导入" data-testid="import-error">{error}</Alert>}

      {result && (
        <Alert color={result.undone ? 'gray' : 'green'} title={result.undone ? '已撤销本批导入' : '导入完成'} data-testid="import-result">
          <Group justify="space-between">
            <Text size="sm">新建 {result.created} 人，更新 {result.updated} 人。{result.undone ? '本批导入的改动已全部撤回。' : '整批导入记入审计记录，可整批撤销。'}</Text>
            {!result.undone && <Button size="xs" color="red" variant="light" onClick={() => void undo()}>撤销本批</Button>}
          </Group>
        </Alert>
      )}

      {preview && preview.chooseSheet && (
        <Card withBorder>
          <Text mb="xs">文件中有多个工作表含有花名册，请选择要导入的一个：</Text>
          <Group>
            {preview.sheets.filter((s) => s.hasTable).map((s) => (
              <Button key={s.name} variant="default" onClick={() => { setSheet(s.name); void load({ sheet: s.name }); }}>
                {s.name}（{s.rows} 行）
              </Button>
            ))}
          </Group>
        </Card>
      )}

      {preview && !preview.chooseSheet && !preview.sheet && (
        <Alert color="orange">没有在文件中找到花名册表头（应有“姓名”“身份证号码”等列）。</Alert>
      )}

      {preview && preview.sheet && (
        <>
          <Card withBorder>
            <Group justify="space-between" mb="xs">
              <Text size="sm">
                工作表“{preview.sheet}”，表头在第 {preview.headerRow} 行。核对每一列导入为哪一项，不对的请改正：
              </Text>
              <Group gap="xs">
                {preview.sheets.filter((s) => s.hasTable).length > 1 && (
                  <Select size="xs" aria-label="工作表" data={preview.sheets.filter((s) => s.hasTable).map((s) => s.name)} value={preview.sheet}
                    onChange={(v) => { if (v) { setSheet(v); void load({ sheet: v }); } }} allowDeselect={false} />
                )}
                <Button size="xs" variant="default" onClick={() => { setTemplateName(template ?? ''); setSaveOpen(true); }}>保存为导入模板</Button>
              </Group>
            </Group>
            <MappingTable
              columns={preview.columns}
              fields={preview.fields}
              onChange={(key, field) => {
                const next = { ...mapping, [key]: field };
                setMapping(next);
                void load({ mapping: next });
              }}
            />
          </Card>
          <Card withBorder>
            <PreviewTabs
              preview={preview}
              choices={choices}
              onChoice={(id, c) => setChoices({ ...choices, [id]: c })}
              onAll={(c) => setChoices(Object.fromEntries(preview.existing.map((e) => [e.cadreId, c])))}
            />
            <Group mt="md">
              <Button onClick={() => void commit()} disabled={busy || creates.length + updates.length === 0}>
                导入 {creates.length + updates.length} 人（新建 {creates.length}，更新 {updates.length}）
              </Button>
              {preview.refused.length > 0 && <Text size="sm" c="red">被拒绝的 {preview.refused.length} 行不会导入。</Text>}
            </Group>
          </Card>
        </>
      )}

      <Modal opened={saveOpen} onClose={() => setSaveOpen(false)} title="保存为导入模板">
        <Text size="sm" c="dimmed" mb="xs">下次导入同样格式的花名册时，选择此模板即可套用现在的列对应关系。</Text>
        <TextInput label="模板名称" value={templateName} onChange={(e) => setTemplateName(e.currentTarget.value)} data-autofocus />
        <Group justify="end" mt="md">
          <Button onClick={() => void saveTemplate()} disabled={!templateName.trim()}>保存</Button>
        </Group>
      </Modal>
    </Stack>
  );
}
