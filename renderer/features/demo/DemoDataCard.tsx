import { Alert, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { invoke } from '../../api/client';
import { useSubmit } from '../../components/useSubmit';
import { useVaultStatus } from '../../app/useStatus';
import { useLastShown } from '../../components/useLastShown';

/**
 * 载入 / 清除示例数据 after first run. Loading is only offered for a vault without real records
 * (the server refuses otherwise), so invented people never mix with a real file.
 */
export function DemoDataCard() {
  const { status, refresh } = useVaultStatus();
  const [confirm, setConfirm] = useState<'load' | 'clear' | null>(null);
  const confirmShown = useLastShown(confirm);
  const { busy, error, setError, run } = useSubmit();

  const apply = () =>
    run(async () => {
      if (confirm === 'load') {
        const r = await invoke('demo.load', {});
        notifications.show({ message: `已载入示例数据：${r.villages} 个村（社区）、${r.cadres} 名干部`, color: 'green' });
      } else {
        const r = await invoke('demo.clear', {});
        notifications.show({ message: `已清除 ${r.removed} 条示例记录`, color: 'green' });
      }
      setConfirm(null);
      await refresh();
    });

  return (
    <Card withBorder>
      <Title order={2} mb="sm">示例数据</Title>
      {status.demo ? (
        <Text size="sm" mb="sm">当前档案库含示例数据（虚构的人员和村居，各页面顶部有“示例”标识）。正式使用前请清除。</Text>
      ) : (
        <Text size="sm" mb="sm">想先熟悉软件？可在空档案库中载入虚构的十个镇街示例数据（约 100 个村居、2000 名干部），之后可一键清除。</Text>
      )}
      <Group>
        {!status.demo && <Button variant="light" onClick={() => setConfirm('load')}>载入示例数据</Button>}
        {status.demo && <Button variant="light" color="red" onClick={() => setConfirm('clear')}>清除示例数据</Button>}
      </Group>
      {error && !confirm && <Alert color="red" mt="sm">{error}</Alert>}
      <Modal opened={!!confirm} onClose={() => { setConfirm(null); setError(null); }} title={confirmShown === 'load' ? '载入示例数据' : '清除示例数据'}>
        <Stack>
          <Text size="sm">
            {confirmShown === 'load'
              ? '将向当前档案库载入虚构的村（社区）和干部，全部标为“示例”。仅限尚无正式记录的档案库。'
              : '将删除全部标为“示例”的记录（不进回收站）；您自己录入的记录保留，其中指向示例村居或示例干部的关联会被清空。'}
          </Text>
          {error && <Alert color="red" role="alert">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => { setConfirm(null); setError(null); }}>取消</Button>
            <Button color={confirm === 'clear' ? 'red' : undefined} loading={busy} onClick={() => void apply()}>{confirm === 'load' ? '载入' : '清除'}</Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
