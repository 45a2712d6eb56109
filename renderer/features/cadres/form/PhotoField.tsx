import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { fileToBase64 } from '../../../api/client';
import { useForm } from './FormContext';

/** The schema caps the base64 at 2,000,000 characters, about 1.4 MB of JPEG. */
const MAX_BASE64 = 2_000_000;

/** 证件照: a JPEG kept inside the vault (base64), shown at the form's 3:4 proportion. */
export function PhotoField() {
  const f = useForm();
  const photo = f.values.photo;
  const pick = async (file: File | null) => {
    if (!file) return;
    const b64 = await fileToBase64(file);
    // JPEG files start with FF D8 FF, which is "/9j/" in base64; the 审批表 and LRMX want JPEG.
    if (!b64.startsWith('/9j/')) return f.setError('photo', `“${file.name}”不是 JPEG 图片，请选择 .jpg 照片`);
    if (b64.length > MAX_BASE64) return f.setError('photo', `照片过大（${(file.size / 1024 / 1024).toFixed(1)} MB），请选择 1.4 MB 以内的照片`);
    f.setError('photo', null);
    f.set('photo', b64);
  };
  return (
    <Stack gap={4} align="center" w={132}>
      <div
        style={{ width: 120, height: 160, border: '1px solid var(--mantine-color-gray-4)', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'var(--mantine-color-gray-0)' }}
      >
        {photo ? (
          <img src={`data:image/jpeg;base64,${photo}`} alt="干部照片" style={{ width: 120, height: 160, objectFit: 'cover' }} />
        ) : (
          <Text size="xs" c="dimmed">（照片）</Text>
        )}
      </div>
      {!f.readOnly && (
        <Group gap={4} justify="center">
          <FileButton onChange={(file) => void pick(file)} accept="image/jpeg">
            {(props) => <Button size="compact-xs" variant="light" {...props}>{photo ? '更换照片' : '上传照片'}</Button>}
          </FileButton>
          {photo && <Button size="compact-xs" variant="subtle" color="gray" onClick={() => f.set('photo', '')}>移除</Button>}
        </Group>
      )}
      {f.errors.photo && <Text size="xs" c="red" ta="center">{f.errors.photo}</Text>}
    </Stack>
  );
}
