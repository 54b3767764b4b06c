import type { Command } from '../kit/command';
import { adminPinCommand } from './adminPinCommand';
import { auditCommand } from './auditCommand';
import { backupCommand } from './backupCommand';
import { demoBatchCommand } from './demoBatchCommand';
import { deskCommand } from './deskCommand';
import { groupCommand } from './groupCommand';
import { handoutCommand } from './handoutCommand';
import { importCommand } from './importCommand';
import { initCommand } from './initCommand';
import { keysCommand } from './keysCommand';
import { leftoversCommand } from './leftoversCommand';
import { newYearCommand } from './newYearCommand';
import { purgeCommand } from './purgeCommand';
import { releaseCommand } from './releaseCommand';
import { reportCommand } from './reportCommand';
import { restoreCommand } from './restoreCommand';
import { searchCommand } from './searchCommand';
import { settingsCommand } from './settingsCommand';
import { statsCommand } from './statsCommand';
import { aggregateCommand, verifyCommand } from './verifyCommand';
import { updateCommand } from './updateCommand';
import { voidCommand } from './voidCommand';

export const COMMANDS: readonly Command[] = [
  initCommand,
  importCommand,
  searchCommand,
  statsCommand,
  handoutCommand,
  groupCommand,
  voidCommand,
  deskCommand,
  reportCommand,
  keysCommand,
  verifyCommand,
  aggregateCommand,
  settingsCommand,
  adminPinCommand,
  auditCommand,
  backupCommand,
  restoreCommand,
  leftoversCommand,
  purgeCommand,
  newYearCommand,
  demoBatchCommand,
  releaseCommand,
  updateCommand,
];
