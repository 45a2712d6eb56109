import { Alert, Button, Card, Center, Group, Modal, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { BackupInfo, VaultStatus } from '../../../shared/contract/index.js';
import { invoke } from '../../api/client';
import { useSubmit } from '../../components/useSubmit';
import { ChosenVaultLocation } from './VaultLocation';

export function UnlockScreen({ status, notice, onDone }: { status: VaultStatus; notice: string | null; onDone: (s: VaultStatus) => void }) {
  const [operator, setOperator] = useState(status.operator ?? localStorage.getItem('cadre-operator') ?? '');
  const [pw, setPw] = useState('');
  const { busy, error, setError, run } = useSubmit();
  const [restoreOpen, setRestoreOpen] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    await run(async () => {
      const s = await invoke('vault.unlock', { password: pw, operator });
      localStorage.setItem('cadre-operator', operator);
      onDone(s);
    });
  }

  return (
    <Center component="main" mih="100vh" bg="gray.0">
      <Card withBorder shadow="sm" w={460} p="xl">
        <form onSubmit={submit}>
          <Stack>
            <Title order={1}>解锁档案库</Title>
            {status.mode === 'electron' ? (
              <ChosenVaultLocation status={status} purpose="open" onChosen={onDone} onError={setError} />
            ) : (
              <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>{status.path}</Text>
            )}
            {notice && <Alert color="yellow">{notice}</Alert>}
            <TextInput label="操作人姓名" value={operator} onChange={(e) => setOperator(e.currentTarget.value)} required />
            <PasswordInput label="密码" value={pw} onChange={(e) => setPw(e.currentTarget.value)} required autoFocus />
            {error && <Alert color="red" role="alert">{error}</Alert>}
            <Group justify="space-between">
              <Button variant="subtle" onClick={() => setRestoreOpen(true)}>从备份恢复…</Button>
              <Button type="submit" loading={busy}>解锁</Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <RestoreModal opened={restoreOpen} onClose={() => setRestoreOpen(false)} operator={operator} desktop={status.mode === 'electron'} onDone={onDone} />
    </Center>
  );
}

/**
 * Restore: one of this vault's own backups from the list, or — in the desktop app — a backup
 * file anywhere (a copy on a USB stick), picked with the system dialog.
 */
export function RestoreModal({ opened, onClose, operator, desktop, onDone }: { opened: boolean; onClose: () => void; operator: string; desktop: boolean; onDone: (s: VaultStatus) => void }) {
  const [list, setList] = useState<BackupInfo[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [chosenFile, setChosenFile] = useState<string | null>(null);
  const [pw, setPw] = useState('');
  const [op, setOp] = useState(operator);
  const { busy, error, setError, run } = useSubmit();
  if (opened && list === null) void invoke('vault.backups', {}).then(setList, (e: Error) => setError(e.message));

  async function chooseFile() {
    try {
      const r = await invoke('dialog.chooseBackupFile', {});
      if (r.chosen) {
        setChosenFile(r.chosen);
        setChosen(null);
      }
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="从备份恢复" size="lg">
      <Stack>
        <Text size="sm">选择一个备份。恢复前，当前档案库会先另存为一个备份，可再恢复回来。备份使用当前密码（修改密码时备份会一并改用新密码）。</Text>
        {list && list.length === 0 && <Text c="dimmed">没有备份。</Text>}
        {list && list.length > 0 && (
          <Table highlightOnHover>
            <Table.Thead><Table.Tr><Table.Th>时间</Table.Th><Table.Th>大小</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {list.slice().reverse().map((b) => (
                <Table.Tr key={b.file} onClick={() => { setChosen(b.file); setChosenFile(null); }} bg={chosen === b.file ? 'blue.0' : undefined} style={{ cursor: 'pointer' }}>
                  <Table.Td>{new Date(b.at).toLocaleString('zh-CN')}</Table.Td>
                  <Table.Td>{(b.bytes / 1024).toFixed(0)} KB</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {desktop && (
          <Group wrap="nowrap" align="flex-start">
            <Button variant="default" size="xs" onClick={() => void chooseFile()}>选择备份文件…</Button>
            <Text size="sm" style={{ wordBreak: 'break-all', flex: 1 }} bg={chosenFile ? 'blue.0' : undefined}>{chosenFile ?? '备份副本在其他位置（如 U 盘）时使用'}</Text>
          </Group>
        )}
        <TextInput label="操作人姓名" value={op} onChange={(e) => setOp(e.currentTarget.value)} />
        <PasswordInput label="该备份的密码" value={pw} onChange={(e) => setPw(e.currentTarget.value)} />
        {error && <Alert color="red">{error}</Alert>}
        <Button
          disabled={!(chosen || chosenFile) || !pw || !op}
          loading={busy}
          onClick={() =>
            run(async () => {
              // A file from the dialog is kept on the privileged side: the page sends no path.
              onDone(await invoke('vault.restoreBackup', chosen ? { file: chosen, password: pw, operator: op } : { password: pw, operator: op }));
              onClose();
            })
          }
        >
          恢复所选备份
        </Button>
      </Stack>
    </Modal>
  );
}
