import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { townName } from '../../../shared/domain/towns.js';
import type { Village } from '../../../shared/domain/village.js';
import { parseVillageLines } from '../../../shared/rules/villageLines.js';
import { invoke } from '../../api/client';
import { useSubmit } from '../../components/useSubmit';

/** Paste many villages at once, one per line; the preview is what will be saved. */
export function BulkAddModal({ opened, existing, onClose, onDone }: { opened: boolean; existing: Village[]; onClose: () => void; onDone: () => void }) {
  const [text, setText] = useState('');
  const { busy, error, setError, run } = useSubmit();
  const parsed = useMemo(() => parseVillageLines(text, existing), [text, existing]);

  const submit = () =>
    run(async () => {
      const r = await invoke('village.bulkCreate', { text });
      if (r.errors.length) {
        setError(r.errors.map((e) => e.message).join('；'));
        return;
      }
      notifications.show({ message: `已添加 ${r.created.length} 个村（社区）`, color: 'green' });
      setText('');
      onDone();
    });

  return (
    <Modal opened={opened} onClose={onClose} title="批量添加村（社区）" size="lg">
      <Stack gap="sm">
        <Text size="sm">每行一个：镇街 名称 类型（类型可省略，名称以“社区”结尾即为社区）。例如：</Text>
        <Text size="sm" ff="monospace" c="dimmed">杏坛 逢简村 村<br />乐从 水藤村<br />大良 金榜社区 社区</Text>
        <Textarea label="每行一个：镇街 名称 类型" autosize minRows={6} maxRows={16} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        {parsed.errors.length > 0 && (
          <Alert color="red" title={`有 ${parsed.errors.length} 行需要修改，改好后才能添加`}>
            <List size="sm">{parsed.errors.slice(0, 20).map((e) => <List.Item key={e.line}>{e.message}</List.Item>)}</List>
          </Alert>
        )}
        {parsed.rows.length > 0 && (
          <Text size="sm">
            将添加 {parsed.rows.length} 个：
            {parsed.rows.slice(0, 12).map((r) => `${townName(r.townCode)}·${r.name}（${r.kind}）`).join('、')}
            {parsed.rows.length > 12 ? ` 等` : ''}
          </Text>
        )}
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button onClick={() => void submit()} loading={busy} disabled={parsed.rows.length === 0 || parsed.errors.length > 0}>
            添加 {parsed.rows.length || ''} 个
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
