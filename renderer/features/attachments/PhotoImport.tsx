/**
 * 批量照片 in 导入导出: a folder or zip of photos from a town, named 身份证号 / 姓名 / 姓名_身份证号.
 * The preview says which file is whose before anything is saved; the 3:4 crop of each can be
 * moved in the cropper; saving is one batch, undone from 导入批次.
 */
import { Alert, Badge, Button, Card, Group, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import Cropper, { type Area } from 'react-easy-crop';
import type { PhotoCrop, PhotoPreview, PhotoPreviewItem } from '../../../shared/contract/attachment.js';
import { fileToBase64, invoke } from '../../api/client';

const shortName = (f: string) => f.split(' › ').pop() ?? f;

function CropEditor({ previewId, item, crop, onDone, onClose }: { previewId: string; item: PhotoPreviewItem; crop: PhotoCrop; onDone: (c: PhotoCrop) => void; onClose: () => void }) {
  const [src, setSrc] = useState<string | null>(null);
  const [pos, setPos] = useState({ x: 0, y: 0 });
  const [zoom, setZoom] = useState(1);
  const area = useRef<PhotoCrop>(crop);
  const started = useRef(false);
  if (!started.current) {
    started.current = true;
    void invoke('photos.image', { previewId, key: item.key }).then((r) => setSrc(`data:${r.mime};base64,${r.base64}`));
  }
  return (
    <Modal opened onClose={onClose} title={`调整裁剪：${shortName(item.fileName)}`} size="lg">
      <Stack>
        <div style={{ position: 'relative', height: 420, background: '#333' }} data-testid="photo-cropper">
          {src && (
            <Cropper
              image={src}
              crop={pos}
              zoom={zoom}
              aspect={3 / 4}
              initialCroppedAreaPixels={crop}
              onCropChange={setPos}
              onZoomChange={setZoom}
              onCropComplete={(_a: Area, px: Area) => (area.current = px)}
            />
          )}
        </div>
        <Text size="xs" c="dimmed">拖动照片调整位置，滚轮缩放；框内即审批表照片（3:4）。</Text>
        <Group>
          <Button onClick={() => onDone(area.current)}>确定</Button>
          <Button variant="default" onClick={onClose}>取消</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function PhotoImport({ onImported }: { onImported: () => void }) {
  const [preview, setPreview] = useState<PhotoPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<Record<string, string | null>>({});
  const [crops, setCrops] = useState<Record<string, PhotoCrop>>({});
  const [editing, setEditing] = useState<PhotoPreviewItem | null>(null);
  const folder = useRef<HTMLInputElement>(null);
  const files = useRef<HTMLInputElement>(null);

  async function choose(list: FileList | null, source: string) {
    const chosen = [...(list ?? [])];
    if (!chosen.length) return;
    setBusy(true);
    setError(null);
    setPreview(null);
    try {
      const payload = await Promise.all(chosen.map(async (f) => ({ fileName: f.webkitRelativePath || f.name, base64: await fileToBase64(f) })));
      const p = await invoke('photos.preview', { source: source || chosen[0].name, files: payload });
      setPreview(p);
      setPicked({});
      setCrops({});
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const of = (s: PhotoPreviewItem['status']) => preview?.items.filter((i) => i.status === s) ?? [];
  const choices = [
    ...of('matched').map((i) => ({ key: i.key, cadreId: i.cadre!.id, crop: crops[i.key] })),
    ...of('ambiguous').filter((i) => picked[i.key]).map((i) => ({ key: i.key, cadreId: picked[i.key]!, crop: crops[i.key] })),
  ];

  async function save() {
    if (!preview) return;
    setBusy(true);
    try {
      const r = await invoke('photos.commit', { previewId: preview.previewId, choices });
      notifications.show({ color: 'green', message: `已保存 ${r.saved} 张照片，可在“导入批次”中整批撤销` });
      setPreview(null);
      onImported();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const cropButton = (i: PhotoPreviewItem) => (
    <Button size="compact-xs" variant="default" onClick={() => setEditing(i)}>{crops[i.key] ? '已调整裁剪' : '调整裁剪'}</Button>
  );

  return (
    <Card withBorder data-testid="photo-import">
      <Title order={2} mb="xs">批量导入照片</Title>
      <Text size="sm" c="dimmed" mb="sm">选择镇街报来的照片文件夹或压缩包（.zip）。文件名为身份证号、姓名，或“姓名_身份证号”；保存前先核对对应关系。照片裁成审批表的 3:4 比例并压缩。</Text>
      <Group>
        <Button loading={busy} onClick={() => folder.current?.click()}>选择文件夹…</Button>
        <Button loading={busy} variant="default" onClick={() => files.current?.click()}>选择压缩包或照片…</Button>
        {/* webkitdirectory: the browser's folder picker, all files under it */}
        <input ref={folder} type="file" hidden multiple {...({ webkitdirectory: '' } as object)} onChange={(e) => { void choose(e.currentTarget.files, e.currentTarget.files?.[0]?.webkitRelativePath.split('/')[0] ?? ''); e.currentTarget.value = ''; }} />
        <input ref={files} type="file" hidden multiple accept=".zip,.jpg,.jpeg,.png" data-testid="photo-input" aria-label="选择照片或压缩包" onChange={(e) => { void choose(e.currentTarget.files, ''); e.currentTarget.value = ''; }} />
      </Group>
      {error && <Alert color="red" mt="sm">{error}</Alert>}

      {preview && (
        <Stack mt="md" data-testid="photo-preview">
          <Group gap="xs">
            <Badge color="green">可对应 {preview.counts.matched}</Badge>
            <Badge color="yellow">同名多人 {preview.counts.ambiguous}</Badge>
            <Badge color="gray">未对应 {preview.counts.unmatched}</Badge>
            <Badge color="red">已拒绝 {preview.counts.refused}</Badge>
          </Group>
          {of('matched').length > 0 && (
            <Table striped fz="sm" data-testid="photo-matched">
              <Table.Thead><Table.Tr><Table.Th>文件</Table.Th><Table.Th>干部</Table.Th><Table.Th>按</Table.Th><Table.Th /></Table.Tr></Table.Thead>
              <Table.Tbody>
                {of('matched').map((i) => (
                  <Table.Tr key={i.key}>
                    <Table.Td>{shortName(i.fileName)}</Table.Td>
                    <Table.Td>{i.cadre!.name}（{i.cadre!.idNumber}）{i.cadre!.hasPhoto && <Badge size="xs" ml={4} variant="light">替换原照片</Badge>}</Table.Td>
                    <Table.Td>{i.by}</Table.Td>
                    <Table.Td>{cropButton(i)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {of('ambiguous').map((i) => (
            <Alert key={i.key} color="yellow" title={`同名多人：${shortName(i.fileName)}`} data-testid="photo-ambiguous">
              <Text size="sm" mb={6}>{i.message}；不选则不保存。</Text>
              <Group>
                <Select
                  aria-label={`${shortName(i.fileName)} 是哪一位`}
                  placeholder="选择干部"
                  w={340}
                  clearable
                  data={i.candidates!.map((c) => ({ value: c.id, label: `${c.name}（${c.idNumber}）` }))}
                  value={picked[i.key] ?? null}
                  onChange={(v) => setPicked((p) => ({ ...p, [i.key]: v }))}
                />
                {cropButton(i)}
              </Group>
            </Alert>
          ))}
          {of('unmatched').length > 0 && (
            <Alert color="gray" title="未对应（不保存）" data-testid="photo-unmatched">
              {of('unmatched').map((i) => <div key={i.key}>{shortName(i.fileName)}：{i.message}</div>)}
            </Alert>
          )}
          {of('refused').length > 0 && (
            <Alert color="red" title="已拒绝" data-testid="photo-refused">
              {of('refused').map((i) => <div key={i.key}>{shortName(i.fileName)}：{i.message}</div>)}
            </Alert>
          )}
          <Group>
            <Button loading={busy} disabled={!choices.length} onClick={() => void save()}>保存 {choices.length} 张照片</Button>
            <Button variant="default" onClick={() => setPreview(null)}>放弃</Button>
          </Group>
        </Stack>
      )}
      {editing && preview && (
        <CropEditor
          previewId={preview.previewId}
          item={editing}
          crop={crops[editing.key] ?? editing.crop!}
          onClose={() => setEditing(null)}
          onDone={(c) => {
            setCrops((x) => ({ ...x, [editing.key]: c }));
            setEditing(null);
          }}
        />
      )}
    </Card>
  );
}
