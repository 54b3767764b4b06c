import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * A plain append-only log (logs/main.log next to the database, local app data), rotated once at
 * 5 MiB to main.old.log. Never card holders' names: callers log codes, ids and counts.
 */
export function createFileLogger(dir: string, now: () => Date, echo = false): Logger & { file: string } {
  const file = path.join(dir, 'main.log');
  const write = (level: string, message: string) => {
    const line = `${now().toISOString()} ${level.padEnd(5)} ${message.replace(/\r?\n/g, '\n    ')}\n`;
    if (echo) process.stderr.write(line);
    try {
      fs.mkdirSync(dir, { recursive: true });
      if (fs.existsSync(file) && fs.statSync(file).size > MAX_BYTES)
        fs.renameSync(file, path.join(dir, 'main.old.log'));
      fs.appendFileSync(file, line);
    } catch {
      // Logging must never take the desk down.
    }
  };
  return {
    file,
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
  };
}
