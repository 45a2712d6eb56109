import { Badge, Button, Card, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Output } from '../../../shared/contract/index.js';
import { invoke } from '../../api/client';

type Batches = Output<'import.batches'>;

const KIND_LABEL: Record<Batches[number]['kind'], string> = { xlsx: '干部花名册', lrmx: '任免审批表', roster: '花名册', villages: '村居名册', exchange: '数据交换包', photos: '批量照片' };

/** Every import batch, newest first, each one undoable as a whole. */
export function BatchList({ batches, reload }: { batches: Batches | null; reload: () => void }) {
  async function undo(id: string, fileName: string, villages: boolean) {
    const what = villages ? '村（社区）' : '档案';
    if (!window.confirm(`撤销导入“${fileName}”？本批新建的${what}将被删除，更新过的${what}恢复为导入前的内容。`)) return;
    try {
      const r = await invoke('import.undo', { batchId: id });
      const unit = villages ? '个' : '人';
      notifications.show({ color: 'green', message: `已撤销：删除 ${r.removed} ${unit}，恢复 ${r.restored} ${unit}` });
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    }
    reload();
  }
  return (
    <Card withBorder>
      <Title order={2} mb="xs">导入批次</Title>
      {!batches?.length ? (
        <Text size="sm" c="dimmed">还没有导入过。在“花名册导入”或“任免审批表（LRMX）”中选择文件导入后，每批都列在这里，可整批撤销。</Text>
      ) : (
        <Table striped fz="sm" data-testid="batch-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>时间</Table.Th><Table.Th>文件</Table.Th><Table.Th>类型</Table.Th><Table.Th>操作人</Table.Th>
              <Table.Th>新建</Table.Th><Table.Th>更新</Table.Th><Table.Th>状态</Table.Th><Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batches.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{new Date(b.at).toLocaleString('zh-CN', { hour12: false })}</Table.Td>
                <Table.Td>{b.fileName}</Table.Td>
                <Table.Td>{KIND_LABEL[b.kind]}</Table.Td>
                <Table.Td>{b.operator}</Table.Td>
                <Table.Td>{b.createdIds.length}</Table.Td>
                <Table.Td>{b.replacedCount}</Table.Td>
                <Table.Td>{b.undoneAt ? <Badge color="gray">已撤销</Badge> : <Badge color="green">有效</Badge>}</Table.Td>
                <Table.Td>{!b.undoneAt && <Button size="compact-xs" color="red" variant="subtle" onClick={() => void undo(b.id, b.fileName, b.kind === 'villages')}>撤销</Button>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
