/**
 * The cadre page's 附件 tab: scans kept for this person (一人一档), listed by 材料类别. Add by
 * dropping files or choosing them, view PDFs and images in the app, turn images, save a
 * decrypted copy (after a warning), move to the 回收站 and back.
 */
import { Alert, Autocomplete, Badge, Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AttachmentList } from '../../../shared/contract/attachment.js';
import { ATTACHMENT_CATEGORIES, ATTACHMENT_KIND_LABEL, mbText, type Attachment } from '../../../shared/domain/attachment.js';
import { fileToBase64, invoke, saveBytes } from '../../api/client';
import { AttachmentViewer } from './AttachmentViewer';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff';

interface Draft {
  file: File;
  category: string;
  title: string;
  formedOn: string;
  pages: number | '';
}

const stem = (name: string) => name.replace(/\.[^.]+$/, '');
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ').replace(/-/g, '.');

export function AttachmentsTab({ cadreId, cadreName, readOnly }: { cadreId: string; cadreName: string; readOnly: boolean }) {
  const [list, setList] = useState<AttachmentList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [draftErrors, setDraftErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [viewing, setViewing] = useState<Attachment | null>(null);
  const [downloading, setDownloading] = useState<Attachment | null>(null);
  const [dragOver, setDragOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      setList(await invoke('attachment.list', { cadreId }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [cadreId]);
  useEffect(() => void load(), [load]);

  const groups = useMemo(() => {
    const by = new Map<string, Attachment[]>();
    for (const a of list?.items ?? []) by.set(a.category, [...(by.get(a.category) ?? []), a]);
    const order = (c: string) => {
      const i = (ATTACHMENT_CATEGORIES as readonly string[]).indexOf(c);
      return i < 0 ? 100 : i;
    };
    return [...by.entries()].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b, 'zh'));
  }, [list]);

  function pick(files: FileList | File[] | null) {
    const chosen = [...(files ?? [])];
    if (!chosen.length) return;
    setDraftErrors([]);
    setDrafts(chosen.map((file) => ({ file, category: '其他', title: stem(file.name), formedOn: '', pages: '' })));
  }

  async function saveDrafts() {
    setSaving(true);
    const failed: Draft[] = [];
    const messages: string[] = [];
    let added = 0;
    for (const d of drafts) {
      try {
        if (list && d.file.size > list.maxFileBytes) throw new Error(`“${d.file.name}”有 ${mbText(d.file.size)}，超过单个附件上限 ${mbText(list.maxFileBytes)}（可在“设置”中调整）`);
        await invoke('attachment.add', {
          cadreId,
          fileName: d.file.name,
          base64: await fileToBase64(d.file),
          meta: { category: d.category, title: d.title, formedOn: d.formedOn, pages: d.pages === '' ? undefined : d.pages },
        });
        added++;
      } catch (e) {
        failed.push(d);
        messages.push((e as Error).message);
      }
    }
    setSaving(false);
    setDrafts(failed);
    setDraftErrors(messages);
    if (added) notifications.show({ color: 'green', message: `已添加 ${added} 个附件` });
    void load();
  }

  async function act(what: () => Promise<unknown>, done: string) {
    try {
      await what();
      notifications.show({ color: 'green', message: done });
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    }
    void load();
  }

  async function download(a: Attachment) {
    setDownloading(null);
    try {
      const c = await invoke('attachment.content', { id: a.id });
      if (await saveBytes(c.fileName, c.base64, c.mime)) notifications.show({ color: 'green', message: `已保存“${c.fileName}”（未加密副本，用完请删除）` });
    } catch (e) {
      notifications.show({ color: 'red', title: '附件未能保存', message: (e as Error).message });
    }
  }

  const update = (i: number, patch: Partial<Draft>) => setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  return (
    <Stack data-testid="attachments-tab">
      {error && <Alert color="red">{error}</Alert>}
      {!readOnly && (
        <div
          className="cd-dropzone"
          data-testid="attachment-drop"
          data-over={dragOver || undefined}
          onDragOver={(e) => {
            e.preventDefault();
            setDragOver(true);
          }}
          onDragLeave={() => setDragOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragOver(false);
            pick(e.dataTransfer.files);
          }}
          style={{ border: `2px dashed var(--mantine-color-${dragOver ? 'blue-6' : 'gray-4'})`, borderRadius: 8, padding: 16, textAlign: 'center' }}
        >
          <Text size="sm" mb={6}>把扫描件拖到这里，或</Text>
          <Button size="xs" onClick={() => input.current?.click()}>选择文件…</Button>
          <input ref={input} type="file" multiple accept={ACCEPT} hidden data-testid="attachment-input" aria-label="选择附件文件" onChange={(e) => { pick(e.currentTarget.files); e.currentTarget.value = ''; }} />
          <Text size="xs" c="dimmed" mt={6}>
            PDF、JPEG、PNG、TIFF；单个不超过 {list ? mbText(list.maxFileBytes) : '…'}，全部附件已用 {list ? mbText(list.usedBytes) : '…'}／{list ? mbText(list.maxTotalBytes) : '…'}
          </Text>
        </div>
      )}

      {groups.length === 0 && list && <Text c="dimmed">{cadreName} 还没有附件。</Text>}
      {groups.map(([category, items]) => (
        <div key={category}>
          <Title order={5} mb={4}>{category} <Badge variant="light" size="sm">{items.length}</Badge></Title>
          <Table striped withTableBorder data-testid="attachment-group">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>材料名称</Table.Th>
                <Table.Th>形成日期</Table.Th>
                <Table.Th>页数</Table.Th>
                <Table.Th>类型 / 大小</Table.Th>
                <Table.Th>添加</Table.Th>
                <Table.Th>操作</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id} data-testid="attachment-row">
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>{a.formedOn ?? ''}</Table.Td>
                  <Table.Td>{a.pages}</Table.Td>
                  <Table.Td>{ATTACHMENT_KIND_LABEL[a.mime]}，{mbText(a.size)}</Table.Td>
                  <Table.Td>{a.addedBy}，{when(a.addedAt)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="light" onClick={() => setViewing(a)}>查看</Button>
                      {!readOnly && a.mime !== 'application/pdf' && (
                        <>
                          <Button size="compact-xs" variant="default" aria-label={`向左旋转 ${a.title}`} onClick={() => void act(() => invoke('attachment.rotate', { id: a.id, turn: 'left' }), '已向左旋转')}>↺</Button>
                          <Button size="compact-xs" variant="default" aria-label={`向右旋转 ${a.title}`} onClick={() => void act(() => invoke('attachment.rotate', { id: a.id, turn: 'right' }), '已向右旋转')}>↻</Button>
                        </>
                      )}
                      <Button size="compact-xs" variant="default" onClick={() => setDownloading(a)}>下载</Button>
                      {!readOnly && <Button size="compact-xs" variant="default" color="red" onClick={() => void act(() => invoke('attachment.delete', { id: a.id }), `“${a.title}”已移入回收站`)}>删除</Button>}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ))}

      {(list?.trash.length ?? 0) > 0 && (
        <div data-testid="attachment-trash">
          <Title order={5} mb={4} c="dimmed">回收站</Title>
          {list!.trash.map((a) => (
            <Group key={a.id} gap="xs">
              <Text size="sm">{a.title}（{a.category}，{when(a.deletedAt ?? '')} 删除）</Text>
              {!readOnly && <Button size="compact-xs" variant="light" onClick={() => void act(() => invoke('attachment.restore', { id: a.id }), `“${a.title}”已恢复`)}>恢复</Button>}
            </Group>
          ))}
        </div>
      )}

      <Modal opened={drafts.length > 0} onClose={() => setDrafts([])} title={`添加附件：${cadreName}`} size="lg">
        <Stack>
          {draftErrors.length > 0 && (
            <Alert color="red" title="以下文件未能添加" data-testid="attachment-errors">
              {draftErrors.map((m, i) => <div key={i}>{m}</div>)}
            </Alert>
          )}
          {drafts.map((d, i) => (
            <Stack key={`${d.file.name}-${i}`} gap={6} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
              <Text size="sm" fw={500}>{d.file.name}（{mbText(d.file.size)}）</Text>
              <Group grow align="flex-start">
                <Autocomplete label="材料类别" data={[...ATTACHMENT_CATEGORIES]} value={d.category} onChange={(v) => update(i, { category: v })} required />
                <TextInput label="材料名称" value={d.title} onChange={(e) => update(i, { title: e.currentTarget.value })} required />
              </Group>
              <Group grow>
                <TextInput label="形成日期" placeholder="2023.04.10 或 2023.04" value={d.formedOn} onChange={(e) => update(i, { formedOn: e.currentTarget.value })} />
                <NumberInput label="页数（留空自动计算）" min={1} value={d.pages} onChange={(v) => update(i, { pages: typeof v === 'number' ? v : '' })} />
              </Group>
            </Stack>
          ))}
          <Group>
            <Button loading={saving} onClick={() => void saveDrafts()}>保存 {drafts.length} 个附件</Button>
            <Button variant="default" onClick={() => setDrafts([])}>取消</Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={!!downloading} onClose={() => setDownloading(null)} title="下载未加密副本">
        <Stack>
          <Alert color="orange">下载的副本<b>不再加密</b>，含个人档案材料。请只保存在本机或单位指定的位置，用完及时删除，不要通过互联网发送。</Alert>
          <Group>
            <Button color="orange" onClick={() => downloading && void download(downloading)}>我知道了，下载</Button>
            <Button variant="default" onClick={() => setDownloading(null)}>取消</Button>
          </Group>
        </Stack>
      </Modal>

      {viewing && <AttachmentViewer entry={viewing} onClose={() => setViewing(null)} />}
    </Stack>
  );
}
