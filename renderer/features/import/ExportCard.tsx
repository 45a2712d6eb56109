import { Button, Card, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { invoke, saveBytes } from '../../api/client';
import { getCurrentCadreList, useCadreFilter } from '../cadres/cadreFilterStore';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 花名册 out: the blank template, or the cadre list as currently filtered. */
export function ExportCard() {
  const list = useCadreFilter();
  // The list page has not been opened: the whole live list.
  const filtered = !list.trash && list.spec !== null;
  const count = list.selectedCount > 0 ? list.selectedCount : list.shown;
  async function run(kind: 'template' | 'list') {
    try {
      if (kind === 'template') {
        const r = await invoke('export.template', {});
        await saveBytes(r.fileName, r.base64, XLSX_MIME);
      } else {
        const current = filtered ? await getCurrentCadreList() : null;
        const r = await invoke('export.cadres', current ? { ids: current.ids, description: current.description || undefined } : {});
        if (r.count === 0) notifications.show({ color: 'orange', message: '当前列表没有干部，导出的是空表' });
        await saveBytes(r.fileName, r.base64, XLSX_MIME);
      }
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    }
  }
  return (
    <Card withBorder>
      <Title order={2}>导出</Title>
      <Text size="sm" c="dimmed" mb="sm">
        导出的花名册使用标准表头，身份证号码和日期都是文本（1975.03），可直接再导入。
        {filtered ? ` 当前列表：${list.description || '未筛选'}，共 ${count} 人。` : ' 干部列表未筛选，将导出全部在册干部。'}
      </Text>
      <Group>
        <Button variant="default" onClick={() => void run('template')}>下载空白花名册模板</Button>
        <Button variant="default" onClick={() => void run('list')}>导出当前列表</Button>
      </Group>
    </Card>
  );
}
