import type { Command } from '../command';
import { demoBatchCommand } from './demoBatchCommand';
import { importCommand } from './importCommand';
import { initCommand } from './initCommand';
import { searchCommand } from './searchCommand';
import { statsCommand } from './statsCommand';

export const COMMANDS: readonly Command[] = [
  initCommand,
  importCommand,
  searchCommand,
  statsCommand,
  demoBatchCommand,
];
