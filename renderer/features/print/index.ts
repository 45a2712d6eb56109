export { PrintRmbButton, PrintDossierButton, PrintRmbBatchButton } from './PrintButtons';
export { PrintPreviewModal, PrintWarnings, type PrintSource } from './PrintPreviewModal';
