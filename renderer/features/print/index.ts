export { PrintRmbButton, PrintDossierButton } from './PrintButtons';
export { CadreListPrintButton } from './CadreListPrintButton';
export { ExportDossierWordButton, ExportInspectionWordButton, ExportWordButton, ExportWordListButton } from './ExportWordButton';
