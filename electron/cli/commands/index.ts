import type { Command } from '../command.js';
import { importCommand } from './import.js';
import { initCommand } from './init.js';
import { verifyCommand } from './verify.js';
import { backupCommand } from './backup.js';
import { restoreCommand } from './restore.js';
import { changePasswordCommand } from './changePassword.js';
import { exportJsonCommand } from './exportJson.js';
import { demoCommand } from './demo.js';
import { printRmbCommand } from './printRmb.js';
import { exchangeExportCommand, exchangeImportCommand, exchangeKeyCommand, exchangeReceiptCommand, exchangeTrustCommand } from './exchange.js';
import { attachCommand } from './attach.js';
import { importPhotosCommand } from './importPhotos.js';
import { remindersCommand } from './reminders.js';

/** Add a command: write `commands/<name>.ts` and register it here. */
export const COMMANDS: Record<string, Command> = {
  import: importCommand,
  init: initCommand,
  verify: verifyCommand,
  backup: backupCommand,
  restore: restoreCommand,
  'change-password': changePasswordCommand,
  'export-json': exportJsonCommand,
  demo: demoCommand,
  'print-rmb': printRmbCommand,
  'exchange-key': exchangeKeyCommand,
  'exchange-trust': exchangeTrustCommand,
  'exchange-export': exchangeExportCommand,
  'exchange-import': exchangeImportCommand,
  'exchange-receipt': exchangeReceiptCommand,
  attach: attachCommand,
  'import-photos': importPhotosCommand,
  reminders: remindersCommand,
};
