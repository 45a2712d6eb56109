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
  reminders: remindersCommand,
};
