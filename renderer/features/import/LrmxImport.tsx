import { Badge, Button, Card, FileButton, Group, Radio, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { LrmxFileReport } from '../../../shared/contract/import.js';
import { fileToBase64, invoke } from '../../api/client';
import { useSubmit } from '../../components/useSubmit';

const STATUS: Record<LrmxFileReport['status'], [string, string]> = {
  created: ['新建', 'green'],
  updated: ['已更新', 'blue'],
  skipped: ['跳过', 'gray'],
  refused: ['未导入', 'red'],
};

/** The limit the main process enforces, checked here too so a huge file is not read and sent first. */
const MAX_ZIP_MB = 100;
const isLrmxInput = (name: string) => /\.(lrmx|zip)$/i.test(name);

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
  const { busy, error, run } = useSubmit();

  const importFiles = () =>
    run(async () => {
      const tooBig = files.find((f) => /\.zip$/i.test(f.name) && f.size > MAX_ZIP_MB * 1024 * 1024);
      if (tooBig) throw new Error(`压缩包“${tooBig.name}”超过 ${MAX_ZIP_MB} MB；请分成几个压缩包导入`);
      const payload = await Promise.all(files.map(async (f) => ({ fileName: f.name, base64: await fileToBase64(f) })));
      const r = await invoke('lrmx.import', { files: payload, existing });
      setReports(r.reports);
      setBatchId(r.batchId);
      setSkipped(r.skipped ?? []);
      setFiles([]);
      onImported();
    });

  return (
    <Card withBorder>
      <Title order={4}>导入任免审批表（LRMX）</Title>
      <Text size="sm" c="dimmed" mb="sm">
        可一次选择多个 .lrmx 文件，或其他单位“批量导出任免审批表”得到的 .zip 压缩包（导入其中全部 .lrmx 文件）。每个文件要么完整导入，要么不导入；损坏的文件不影响其他文件。
      </Text>
      <Group align="end">
        <FileButton multiple accept=".lrmx,.xml,.zip" onChange={(f) => { setFiles(f); setReports(null); }}>
          {(props) => <Button variant="default" {...props}>选择 LRMX 文件或压缩包…</Button>}
        </FileButton>
        {/* A whole folder (e.g. one town's 审批表 folder): only its .lrmx files and zips are taken. */}
        <FileButton
          multiple
          onChange={(f) => { setFiles(f.filter((x) => isLrmxInput(x.name))); setReports(null); }}
          inputProps={{ ...({ webkitdirectory: '' } as object), 'aria-label': '选择文件夹' }}
        >
          {(props) => <Button variant="default" {...props}>选择文件夹…</Button>}
        </FileButton>
        <Radio.Group label="身份证号码已在档案库中时" value={existing} onChange={(v) => setExisting(v as 'update' | 'skip')}>
          <Group mt={4}>
            <Radio value="skip" label="跳过" />
            <Radio value="update" label="用文件更新审批表各项（村职务、电话等不变）" />
          </Group>
        </Radio.Group>
        <Button onClick={() => void importFiles()} disabled={!files.length} loading={busy}>{files.length ? `导入 ${files.length} 个文件` : '导入'}</Button>
      </Group>
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
