import { getCurrentCadreList } from '../cadres/cadreFilterStore';
import { PrintRmbBatchButton } from './PrintButtons';

/** 批量打印审批表 for the cadre list's toolbar: acts on the rows the list currently shows. */
export function CadreListPrintButton() {
  return <PrintRmbBatchButton getRows={getCurrentCadreList} />;
}
