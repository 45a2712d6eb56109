import { Badge, Button, Card, FileButton, Group, Radio, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { LrmxFileReport } from '../../../shared/contract/import.js';
import { fileToBase64, invoke } from '../../api/client';
import { useSubmit } from '../../components/useSubmit';
import type { DocxImportItem } from '../../../shared/contract/docx.js';
import { DocxImportPreview, type WordFile } from './DocxImportPreview';

const STATUS: Record<LrmxFileReport['status'], [string, string]> = {
  created: ['新建', 'green'],
  updated: ['已更新', 'blue'],
  skipped: ['跳过', 'gray'],
  refused: ['未导入', 'red'],
};

/** The limit the main process enforces, checked here too so a huge file is not read and sent first. */
const MAX_ZIP_MB = 100;
const isLrmxInput = (name: string) => /\.(lrmx|zip|docx?)$/i.test(name);
const isWord = (name: string) => /\.docx?$/i.test(name);
/** The Word files' cap, as the main process's (electron/docx/docxPackage.ts). */
const MAX_WORD_MB = 30;

/**
 * Many .lrmx files at once, or the .zip another office exported (one line per file inside it);
 * each file comes in whole or not at all, with a line per file.
 */
export function LrmxImport({ onImported }: { onImported: () => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [existing, setExisting] = useState<'update' | 'skip'>('skip');
  const [reports, setReports] = useState<LrmxFileReport[] | null>(null);
  const [batchId, setBatchId] = useState<string | undefined>();
  const [skipped, setSkipped] = useState<string[]>([]);
  const [word, setWord] = useState<{ files: WordFile[]; items: DocxImportItem[] } | null>(null);
  const { busy, error, run } = useSubmit();

  const importFiles = () =>
    run(async () => {
      const tooBig = files.find((f) => /\.zip$/i.test(f.name) && f.size > MAX_ZIP_MB * 1024 * 1024);
      if (tooBig) throw new Error(`压缩包“${tooBig.name}”超过 ${MAX_ZIP_MB} MB；请分成几个压缩包导入`);
      const bigWord = files.find((f) => isWord(f.name) && f.size > MAX_WORD_MB * 1024 * 1024);
      if (bigWord) throw new Error(`“${bigWord.name}”超过 ${MAX_WORD_MB} MB，不是正常的任免审批表 Word 文件`);
      // Word 审批表 carry no 身份证号码: they are matched and previewed first, saved only once confirmed.
      const words = await Promise.all(files.filter((f) => isWord(f.name)).map(async (f) => ({ fileName: f.name, base64: await fileToBase64(f) })));
      if (words.length) setWord({ files: words, items: (await invoke('docx.importPreview', { files: words })).items });
      const lrmx = files.filter((f) => !isWord(f.name));
      if (!lrmx.length) {
        setFiles([]);
        return;
      }
      const payload = await Promise.all(lrmx.map(async (f) => ({ fileName: f.name, base64: await fileToBase64(f) })));
      const r = await invoke('lrmx.import', { files: payload, existing });
      setReports(r.reports);
      setBatchId(r.batchId);
      setSkipped(r.skipped ?? []);
      setFiles([]);
      onImported();
    });

  return (
    <Card withBorder>
      <Title order={2}>导入任免审批表（LRMX）</Title>
      <Text size="sm" c="dimmed" mb="sm">
        可一次选择多个 .lrmx 文件，或其他单位“批量导出任免审批表”得到的 .zip 压缩包（导入其中全部 .lrmx 文件）。每个文件要么完整导入，要么不导入；损坏的文件不影响其他文件。
        也可选择 Word 格式（.docx）的干部任免审批表：先按姓名和出生年月对应档案、列出不同之处，确认后才导入。
      </Text>
      <Group align="end">
        <FileButton multiple accept=".lrmx,.xml,.zip,.docx,.doc" onChange={(f) => { setFiles(f); setReports(null); setWord(null); }}>
          {(props) => <Button variant="default" {...props}>选择 LRMX、Word 审批表或压缩包…</Button>}
        </FileButton>
        {/* A whole folder (e.g. one town's 审批表 folder): only its .lrmx files and zips are taken. */}
        <FileButton
          multiple
          onChange={(f) => { setFiles(f.filter((x) => isLrmxInput(x.name))); setReports(null); }}
          inputProps={{ ...({ webkitdirectory: '' } as object), 'aria-label': '选择文件夹' }}
        >
          {(props) => <Button variant="default" {...props}>选择文件夹…</Button>}
        </FileButton>
        <Radio.Group label="身份证号码已在档案库中时" value={existing} onChange={(v) => setExisting(v)}>
          <Group mt={4}>
            <Radio value="skip" label="跳过" />
            <Radio value="update" label="用文件更新审批表各项（村职务、电话等不变）" />
          </Group>
        </Radio.Group>
        <Button onClick={() => void importFiles()} disabled={!files.length} loading={busy}>{files.length ? `导入 ${files.length} 个文件` : '导入'}</Button>
      </Group>
      {word && (
        <DocxImportPreview
          files={word.files}
          items={word.items}
          onDone={(r) => {
            setWord(null);
            setBatchId(r.batchId);
            setSkipped([]);
            setReports(r.items.map((i) => ({ file: i.file, status: i.status === 'refused' ? 'refused' : i.status === 'same' || !r.batchId ? 'skipped' : i.status === 'new' ? 'created' : 'updated', name: i.name, cadreId: i.cadreId, message: i.message, warnings: [...i.unreadable.map((u) => `未读入：${u}`), ...i.warnings] })));
            onImported();
          }}
        />
      )}
      {files.length > 0 && <Text size="sm" mt="xs">已选：{files.map((f) => f.name).join('、')}</Text>}
      {error && <Text c="red" size="sm" mt="xs">{error}</Text>}
      {reports && (
        <Text size="sm" mt="sm" c="dimmed">
          {batchId ? '导入的文件已记为一个导入批次，可在“导入批次”中整批撤销。' : '没有导入任何文件。'}
        </Text>
      )}
      {reports && skipped.length > 0 && (
        <Text size="sm" mt={4} c="dimmed" data-testid="lrmx-zip-skipped">
          压缩包中以下文件不是任免审批表，未导入：{skipped.join('、')}
        </Text>
      )}
      {reports && (
        <Table mt="sm" striped fz="sm" data-testid="lrmx-report">
          <Table.Thead>
            <Table.Tr><Table.Th>文件</Table.Th><Table.Th>结果</Table.Th><Table.Th>姓名</Table.Th><Table.Th>说明</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.map((r, i) => (
              // A zip may hold the same name twice (in two folders, or added twice).
              <Table.Tr key={`${i}:${r.file}`}>
                <Table.Td>{r.file}</Table.Td>
                <Table.Td><Badge color={STATUS[r.status][1]}>{STATUS[r.status][0]}</Badge></Table.Td>
                <Table.Td>{r.name ?? ''}</Table.Td>
                <Table.Td>
                  {r.message}
                  {r.warnings.map((w, i) => <Text key={i} size="xs" c="orange">{w}</Text>)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
