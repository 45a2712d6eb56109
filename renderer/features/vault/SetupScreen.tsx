import { Alert, Button, Card, Center, Checkbox, PasswordInput, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { VaultStatus } from '../../../shared/contract/index.js';
import { ApiCallError, invoke } from '../../api/client';
import { useSubmit } from '../../components/useSubmit';
import { passwordStrength } from './passwordStrength';
import { ChosenVaultLocation } from './VaultLocation';

/** First run: choose where the encrypted vault lives and set its password. */
export function SetupScreen({ status, onDone }: { status: VaultStatus; onDone: (s: VaultStatus) => void }) {
  const [path, setPath] = useState(status.path);
  const [operator, setOperator] = useState('');
  const [pw, setPw] = useState('');
  const [pw2, setPw2] = useState('');
  const [demo, setDemo] = useState(false);
  const { busy, error, setError, run } = useSubmit();
  const [fields, setFields] = useState<Record<string, string>>({});
  const strength = passwordStrength(pw);
  // The desktop app chooses the location with the system dialog; browser mode has only this field.
  const desktop = status.mode === 'electron';

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setFields({});
    if (pw !== pw2) {
      setFields({ password2: '两次输入的密码不一致' });
      return;
    }
    await run(
      async () => {
        const s = await invoke('vault.create', desktop ? { password: pw, operator, demo } : { path, password: pw, operator, demo });
        localStorage.setItem('cadre-operator', operator);
        onDone(s);
      },
      (err) => {
        if (err instanceof ApiCallError) setFields(err.fields);
      },
    );
  }

  return (
    <Center component="main" mih="100vh" bg="gray.0">
      <Card withBorder shadow="sm" w={520} p="xl">
        <form onSubmit={submit}>
          <Stack>
            <Title order={1}>欢迎使用村干部培育管理</Title>
            <Text size="sm" c="dimmed">首次使用：请创建加密档案库。所有数据只保存在本机这一个加密文件中，请牢记密码——忘记密码将无法找回数据。</Text>
            {desktop ? (
              <ChosenVaultLocation status={status} purpose="create" onChosen={onDone} onError={setError} />
            ) : (
              <TextInput label="档案库保存位置" description="完整路径，文件名以 .cdv 结尾；所在文件夹须已存在" value={path} onChange={(e) => setPath(e.currentTarget.value)} error={fields.path} required />
            )}
            <TextInput label="操作人姓名" description="记入每一条修改的审计记录" value={operator} onChange={(e) => setOperator(e.currentTarget.value)} error={fields.operator} required />
            <PasswordInput label="设置密码" value={pw} onChange={(e) => setPw(e.currentTarget.value)} error={fields.password} required />
            {pw && (
              <div>
                <Progress value={[10, 40, 70, 100][strength.score]} color={['red', 'orange', 'yellow', 'green'][strength.score]} size="sm" />
                <Text size="xs" mt={4}>密码强度：{strength.label}</Text>
              </div>
            )}
            <PasswordInput label="再次输入密码" value={pw2} onChange={(e) => setPw2(e.currentTarget.value)} error={fields.password2} required />
            <Checkbox label="载入示例数据（虚构的人员，用于熟悉软件；正式使用请勿勾选）" checked={demo} onChange={(e) => setDemo(e.currentTarget.checked)} />
            {error && <Alert color="red">{error}</Alert>}
            <Button type="submit" loading={busy}>创建档案库</Button>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
