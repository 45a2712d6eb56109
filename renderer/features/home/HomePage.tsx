import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { navigate } from '../../app/router';
import { NAV } from '../../app/routes';
import { useVaultStatus } from '../../app/useStatus';

export function HomePage() {
  const { status } = useVaultStatus();
  return (
    <>
      <Title order={2} mb="xs">村干部培育管理</Title>
      <Text c="dimmed" mb="lg">
        当前档案库：{status.path}（操作人：{status.operator}）
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {NAV.filter((n) => n.match && n.match !== 'settings').map((n) => (
          <Card key={n.match} withBorder component="button" onClick={() => navigate(`/${n.match}`)} style={{ cursor: 'pointer', textAlign: 'left' }}>
            <Text fw={700} size="lg">{n.label}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
