import { Button, Tooltip } from '@mantine/core';
import { invoke } from '../../api/client';
import { getCurrentCadreList, useSelectedCount } from '../cadres/cadreFilterStore';
import { actionLabel } from '../cadres/selectionModel';
import { useDownload } from '../../components/useDownload';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The contract caps the description (it goes in one title cell). */
const MAX_DESCRIPTION = 300;

function fit(description: string): string | undefined {
  if (!description) return undefined;
  return description.length > MAX_DESCRIPTION ? `${description.slice(0, MAX_DESCRIPTION - 1)}…` : description;
}

/**
 * 导出 Excel on the cadre list: the ticked cadres if any, else exactly the rows shown (filters +
 * search, in display order) — getCurrentCadreList decides. The list is read when the button is
 * pressed rather than followed, so typing in the search box does not re-render the list header;
 * only the selection count is followed, for the label.
 */
export function ExportListButton({ trash }: { trash: boolean }) {
  const { busy, download } = useDownload();
  const selected = useSelectedCount();
  async function run() {
    const list = await getCurrentCadreList();
    await download(() => invoke('export.cadres', { ids: list.ids, description: fit(list.description) }), {
      mime: XLSX_MIME,
      failTitle: '未能导出',
      done: (r) => (r.count === 0 ? { color: 'orange', message: '当前列表没有干部，导出的是空表' } : `已导出 ${r.count} 人到“${r.fileName}”`),
    });
  }
  // Files in the 回收站 are not on the roster; exporting them would give an empty sheet.
  if (trash) {
    return (
      <Tooltip label="回收站中的档案不能导出，请切换到“在册档案”">
        <Button size="xs" variant="default" disabled>导出 Excel</Button>
      </Tooltip>
    );
  }
  return (
    <Button
      size="xs"
      variant="default"
      loading={busy}
      onClick={() => void run()}
      title={selected > 0 ? `把已选的 ${selected} 人导出为花名册 .xlsx` : '把当前列表（含筛选和搜索）导出为花名册 .xlsx'}
    >
      {actionLabel('导出 Excel', selected)}
    </Button>
  );
}
