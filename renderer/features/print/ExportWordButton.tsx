import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DOCX_FONTS, type DocxFont } from '../../../shared/contract/docx.js';
import { invoke } from '../../api/client';
import { useDownload } from '../../components/useDownload';
import { getCurrentCadreList, useSelectedCount } from '../cadres/cadreFilterStore';
import { actionLabel } from '../cadres/selectionModel';
import { BATCH_LIMIT } from './PrintButtons';
import { defaultRefMonth } from './refDate';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FONT_HINT: Record<DocxFont, string> = { 宋体: '宋体（官方样式）', 仿宋_GB2312: '仿宋_GB2312' };

/** The font menu both buttons share: 宋体 is the official form, 仿宋_GB2312 the common local variant. */
function FontMenu({ label, busy, disabled, onPick, title }: { label: string; busy: boolean; disabled?: boolean; onPick: (f: DocxFont) => void; title: string }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" loading={busy} disabled={disabled} title={title}>{label}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>正文字体</Menu.Label>
        {DOCX_FONTS.map((f) => (
          <Menu.Item key={f} onClick={() => onPick(f)}>{FONT_HINT[f]}</Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function useWordExport() {
  const { busy, download } = useDownload();
  const run = (ids: string[], font: DocxFont) =>
    download(() => invoke('docx.rmb', { ids, refDate: defaultRefMonth(), font }), {
      mime: DOCX_MIME,
      failTitle: '未能导出 Word 审批表',
      done: (r) => {
        const moved = r.warnings.filter((w) => w.level === 'warning');
        const base = `已导出 ${r.count} 份干部任免审批表到“${r.fileName}”，可在 Word 或 WPS 中修改`;
        return moved.length ? { color: 'orange', message: `${base}。注意：${moved.map((w) => w.message).join('；')}` } : base;
      },
    });
  return { busy, run };
}

/** "导出 Word" on the cadre page: this cadre's 审批表 as an editable .docx. */
export function ExportWordButton({ ids }: { ids: string[] }) {
  const { busy, run } = useWordExport();
  return <FontMenu label="导出 Word" busy={busy} disabled={ids.length === 0} onPick={(f) => void run(ids, f)} title="导出可在 Word / WPS 中编辑的干部任免审批表（.docx）" />;
}

/** "导出 Word" in the cadre list: the ticked cadres, or the rows shown, as one .docx (a new page per person). */
export function ExportWordListButton() {
  const selected = useSelectedCount();
  const { busy, run } = useWordExport();
  const pick = async (font: DocxFont) => {
    const current = await getCurrentCadreList();
    if (current.trash) return notifications.show({ color: 'yellow', message: '回收站中的档案不能导出审批表，请先恢复' });
    if (current.ids.length === 0) return notifications.show({ color: 'yellow', message: '当前列表没有干部，无法导出' });
    if (current.ids.length > BATCH_LIMIT) {
      return notifications.show({ color: 'orange', message: `${current.selectedCount ? '已选' : '当前列表共'} ${current.ids.length} 人，一次最多导出 ${BATCH_LIMIT} 份 Word 审批表，请先用筛选或勾选缩小范围` });
    }
    void run(current.ids, font);
  };
  return <FontMenu label={actionLabel('导出 Word 审批表', selected)} busy={busy} onPick={(f) => void pick(f)} title="把已选（或当前列表中）每人的干部任免审批表导出为一个 Word 文档，每人另起一页" />;
}

/** "Word" beside 任用材料 on a 跨村任职 candidate: the dossier as an editable .docx. */
export function ExportDossierWordButton({ candidateId, label = 'Word' }: { candidateId: string; label?: string }) {
  const { busy, download } = useDownload();
  const pick = (font: DocxFont) =>
    void download(() => invoke('docx.dossier', { candidateId, font }), {
      mime: DOCX_MIME,
      failTitle: '未能导出 Word 任用材料',
      done: (r) => `已导出任用材料到“${r.fileName}”，可在 Word 或 WPS 中修改`,
    });
  return <FontMenu label={label} busy={busy} onPick={pick} title="导出可在 Word / WPS 中编辑的任用材料（.docx）" />;
}

/** "考察材料" for a candidate whose 考察 step has its record: the report as an editable .docx. */
export function ExportInspectionWordButton({ candidateId }: { candidateId: string }) {
  const { busy, download } = useDownload();
  const pick = (font: DocxFont) =>
    void download(() => invoke('docx.inspection', { candidateId, font }), {
      mime: DOCX_MIME,
      failTitle: '未能导出考察材料',
      done: (r) => `已导出考察材料到“${r.fileName}”，可在 Word 或 WPS 中修改`,
    });
  return <FontMenu label="考察材料" busy={busy} onPick={pick} title="按考察环节的考察记录生成考察材料（Word）" />;
}
