export { PrintRmbButton, PrintDossierButton, PrintRmbBatchButton } from './PrintButtons';
export { CadreListPrintButton } from './CadreListPrintButton';
export { PrintPreviewModal, PrintWarnings, type PrintSource } from './PrintPreviewModal';
export { ExportDossierWordButton, ExportInspectionWordButton, ExportWordButton, ExportWordListButton } from './ExportWordButton';
