import { Alert, Button, Card, Group, Loader, NumberInput, PasswordInput, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/domain/settings.js';
import { oldCopiesSummary, type OldCopiesChoice, type OldCopiesReport } from '../../../shared/domain/oldCopies.js';
import { invoke } from '../../api/client';
import { RestoreModal } from '../vault/UnlockScreen';
import { useVaultStatus } from '../../app/useStatus';
import { DemoDataCard } from '../demo/DemoDataCard';
import { EligibilitySettings } from '../cross/EligibilitySettings';
import { WorkCalendarSettings } from './WorkCalendarSettings';
import { FontSizeSetting } from './FontSizeSetting';
import { ExchangeSettings } from './ExchangeSettings';
import { TermSettings } from '../terms/TermSettings';

export function SettingsPage() {
  const { status, refresh } = useVaultStatus();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [oldPw, setOldPw] = useState('');
  const [newPw, setNewPw] = useState('');
  const [pwError, setPwError] = useState<string | null>(null);
  const [oldBackups, setOldBackups] = useState<OldCopiesChoice>('reencrypt');
  const [pwDone, setPwDone] = useState<OldCopiesReport | null>(null);
  // Re-encrypting ten backups of a large vault takes a while (≈20 s at 50 000 cadres).
  const [pwBusy, setPwBusy] = useState(false);
  const [restoreOpen, setRestoreOpen] = useState(false);
  const [audit, setAudit] = useState<string | null>(null);
  useEffect(() => void invoke('settings.get', {}).then(setSettings), []);
  if (!settings) return <Group gap="xs"><Loader size="sm" /><Text size="sm">正在载入设置…</Text></Group>;

  async function save(patch: Partial<Settings>) {
    try {
      setSettings(await invoke('settings.update', patch));
      notifications.show({ message: '设置已保存', color: 'green' });
    } catch (e) {
      notifications.show({ message: (e as Error).message, color: 'red' });
    }
  }

  return (
    <Stack maw={720}>
      <Title order={1}>设置</Title>
      <FontSizeSetting />
      <Card withBorder>
        <Title order={2} mb="sm">安全</Title>
        <Group align="end">
          <NumberInput label="无操作自动锁定（分钟）" min={1} max={480} value={settings.autoLockMinutes} onChange={(v) => typeof v === 'number' && setSettings({ ...settings, autoLockMinutes: v })} />
          <NumberInput label="保留备份份数" min={1} max={100} value={settings.backupsToKeep} onChange={(v) => typeof v === 'number' && setSettings({ ...settings, backupsToKeep: v })} />
          <Button onClick={() => save({ autoLockMinutes: settings.autoLockMinutes, backupsToKeep: settings.backupsToKeep })}>保存</Button>
        </Group>
      </Card>
      <Card withBorder>
        <Title order={2} mb="sm">附件</Title>
        <Text size="sm" c="dimmed" mb="xs">干部档案中的扫描件逐个加密保存在档案库旁的“.files”文件夹中，随备份一起备份。</Text>
        <Group align="end">
          <NumberInput label="单个附件上限（MB）" min={1} max={500} value={settings.attachmentMaxFileMB} onChange={(v) => typeof v === 'number' && setSettings({ ...settings, attachmentMaxFileMB: v })} />
          <NumberInput label="全部附件上限（MB）" min={10} max={100000} value={settings.attachmentMaxTotalMB} onChange={(v) => typeof v === 'number' && setSettings({ ...settings, attachmentMaxTotalMB: v })} />
          <Button onClick={() => save({ attachmentMaxFileMB: settings.attachmentMaxFileMB, attachmentMaxTotalMB: settings.attachmentMaxTotalMB })}>保存</Button>
        </Group>
      </Card>
      <Card withBorder>
        <Title order={2} mb="sm">修改密码</Title>
        <Text size="sm" c="dimmed" mb="xs">修改后档案库用新密码重新加密。较早的备份也一并处理，修改后原密码打不开档案库和任何备份：</Text>
        {!pwDone && !!status.copiesUnderOtherPasswords?.length && (
          <Alert color="yellow" mb="sm" data-testid="copies-other-password">
            有 {status.copiesUnderOtherPasswords.length} 份较早的备份不是用当前密码加密的（上次修改密码未能完成，或在旧版本中修改过密码），可能仍可用当时的密码打开：
            {status.copiesUnderOtherPasswords.join('、')}。再次修改密码并选择“删除较早的备份”可删除它们。
          </Alert>
        )}
        <Radio.Group value={oldBackups} onChange={(v) => setOldBackups(v)} mb="sm">
          <Stack gap={4}>
            <Radio value="reencrypt" label="较早的备份改用新密码重新加密（保留备份，可照常恢复）" />
            <Radio value="delete" label="删除较早的备份（密码可能已泄露、又不再需要这些备份时）" />
          </Stack>
        </Radio.Group>
        <Group align="end">
          <PasswordInput label="原密码" w={220} value={oldPw} onChange={(e) => setOldPw(e.currentTarget.value)} />
          <PasswordInput label="新密码（至少 8 位）" w={220} value={newPw} onChange={(e) => setNewPw(e.currentTarget.value)} />
          <Button
            loading={pwBusy}
            onClick={async () => {
              setPwError(null);
              setPwDone(null);
              setPwBusy(true);
              try {
                const done = await invoke('vault.changePassword', { oldPassword: oldPw, newPassword: newPw, oldBackups });
                setOldPw('');
                setNewPw('');
                setPwDone(done);
                void refresh();
              } catch (e) {
                setPwError((e as Error).message);
              } finally {
                setPwBusy(false);
              }
            }}
          >
            修改密码
          </Button>
        </Group>
        {pwError && <Alert color="red" mt="sm">{pwError}</Alert>}
        {pwDone && <Alert color={pwDone.left.length ? 'yellow' : 'green'} mt="sm" data-testid="password-changed">{oldCopiesSummary(pwDone)}</Alert>}
      </Card>
      <EligibilitySettings value={settings.eligibility} onSave={(eligibility) => save({ eligibility })} />
      <WorkCalendarSettings value={settings.workCalendar} onSave={(workCalendar) => save({ workCalendar })} />
      <TermSettings value={settings.terms} onSave={(terms) => save({ terms })} />
      <Card withBorder>
        <Title order={2} mb="sm">备份与审计</Title>
        <Group>
          <Button
            variant="light"
            onClick={async () => {
              // A read-only or full disk refuses the backup: say so instead of doing nothing.
              try {
                const b = await invoke('vault.backupNow', {});
                notifications.show({ message: `已备份：${b.file}`, color: 'green' });
              } catch (e) {
                notifications.show({ message: (e as Error).message, color: 'red' });
              }
            }}
          >
            立即备份
          </Button>
          <Button variant="light" onClick={() => setRestoreOpen(true)}>从备份恢复…</Button>
          <Button variant="light" onClick={async () => setAudit((await invoke('audit.verify', {})).message)}>校验审计记录</Button>
        </Group>
        {audit && <Text mt="sm">{audit}</Text>}
      </Card>
      <ExchangeSettings />
      <DemoDataCard />
      <RestoreModal opened={restoreOpen} onClose={() => setRestoreOpen(false)} operator={status.operator ?? ''} desktop={status.mode === 'electron'} onDone={() => void refresh()} />
    </Stack>
  );
}
