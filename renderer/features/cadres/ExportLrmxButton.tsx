import { Alert, Button, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { invoke } from '../../api/client';
import { getCurrentCadreList, useSelectedCount, type CurrentCadreList } from './cadreFilterStore';
import { actionLabel } from './selectionModel';
import { useDownload } from '../../components/useDownload';

/** Same cap as the server (electron/lrmx/exportMany.ts); checked here too so 50 000 ids are never sent. */
const MAX_PER_ZIP = 5000;

/**
 * 导出任免审批表（LRMX）: the ticked cadres if any, else the rows shown (filters + search, display order) as one .zip of .lrmx files
 * plus a 清单, for handing a set of files to another office. The list is read when the button is
 * pressed, as 导出 Excel does, and the count is confirmed before anything leaves the vault.
 */
export function ExportLrmxButton({ trash }: { trash: boolean }) {
  const [list, setList] = useState<CurrentCadreList | null>(null);
  const { busy, download } = useDownload();
  const selected = useSelectedCount();

  async function ask() {
    const current = await getCurrentCadreList();
    if (current.ids.length === 0) {
      notifications.show({ color: 'orange', message: '当前列表没有干部，没有可导出的任免审批表' });
      return;
    }
    setList(current);
  }

  async function run(ids: string[]) {
    const saved = await download(() => invoke('lrmx.exportMany', { ids }), {
      mime: 'application/zip',
      failTitle: '未能导出任免审批表',
      done: (r) => `已导出 ${r.count} 份任免审批表到“${r.fileName}”`,
    });
    if (saved) setList(null);
  }

  if (trash) {
    return (
      <Tooltip label="回收站中的档案不能导出，请切换到“在册档案”">
        <Button size="xs" variant="default" disabled>导出任免审批表（LRMX）</Button>
      </Tooltip>
    );
  }
  const n = list?.ids.length ?? 0;
  const tooMany = n > MAX_PER_ZIP;
  const scope = list?.selectedCount ? '已选' : '当前列表';
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={() => void ask()}
        title={`把${selected > 0 ? `已选的 ${selected} 人` : '当前列表（含筛选和搜索）中每人'}的干部任免审批表导出为 .lrmx 文件，打包成一个 .zip`}
      >
        {actionLabel('导出任免审批表（LRMX）', selected)}
      </Button>
      <Modal opened={list !== null} onClose={() => !busy && setList(null)} title="导出任免审批表（LRMX）">
        <Stack>
          {tooMany ? (
            <Alert color="orange" title={`${scope}有 ${n} 人，超过一次 ${MAX_PER_ZIP} 人的上限`}>
              {list?.selectedCount ? '请减少选择后分批导出。' : '请按镇街或村（社区）筛选后分批导出。'}
            </Alert>
          ) : (
            <Text data-testid="lrmx-export-confirm">
              将{scope}的 <b>{n}</b> 人导出为 {n} 个 .lrmx 任免审批表文件，连同一份清单（清单.csv）打包成一个 .zip 文件。
            </Text>
          )}
          {list?.description && <Text size="sm" c="dimmed">范围：{list.description}</Text>}
          <Text size="sm" c="dimmed">文件含身份证号码等个人信息，请妥善保管和传递。</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setList(null)} disabled={busy}>取消</Button>
            <Button onClick={() => list && void run(list.ids)} loading={busy} disabled={tooMany}>
              导出 {n} 个文件
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
