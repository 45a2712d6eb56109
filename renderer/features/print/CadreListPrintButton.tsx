import { getCurrentCadreList, useSelectedCount } from '../cadres/cadreFilterStore';
import { actionLabel } from '../cadres/selectionModel';
import { PrintRmbBatchButton } from './PrintButtons';

/** 批量打印审批表 for the cadre list's toolbar: acts on the ticked cadres, or the rows the list shows when none are ticked. */
export function CadreListPrintButton() {
  const selected = useSelectedCount();
  return <PrintRmbBatchButton getRows={getCurrentCadreList} label={actionLabel('批量打印审批表', selected)} />;
}
