import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import type { VaultStatus } from '../../../shared/contract/index.js';
import { invoke } from '../../api/client';

/**
 * The desktop app's vault location: shown, never typed. 选择… opens the system dialog in the
 * privileged side, which keeps the choice; the page gets the new status to show.
 */
export function ChosenVaultLocation({
  status,
  purpose,
  onChosen,
  onError,
}: {
  status: VaultStatus;
  /** 'create': where a new vault goes; 'open': which existing vault to unlock. */
  purpose: 'create' | 'open';
  onChosen: (s: VaultStatus) => void;
  onError: (message: string) => void;
}) {
  async function choose(p: 'create' | 'open') {
    try {
      const r = await invoke('dialog.chooseVault', { purpose: p });
      if (r.chosen) onChosen(r.status);
    } catch (e) {
      onError((e as Error).message);
    }
  }
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>{purpose === 'create' ? '档案库保存位置' : '档案库文件'}</Text>
      <Group wrap="nowrap" align="flex-start">
        <Text size="sm" style={{ wordBreak: 'break-all', flex: 1 }} data-testid="vault-path">{status.path}</Text>
        <Button variant="default" size="xs" onClick={() => void choose(purpose)}>选择…</Button>
      </Group>
      {purpose === 'create' ? (
        <Anchor size="sm" component="button" type="button" style={{ alignSelf: 'flex-start' }} onClick={() => void choose('open')}>已有档案库？打开已有档案库…</Anchor>
      ) : (
        <Anchor size="sm" component="button" type="button" style={{ alignSelf: 'flex-start' }} onClick={() => void choose('create')}>新建档案库…</Anchor>
      )}
    </Stack>
  );
}
