import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Builds the renderer once for the whole run: every test serves the same bundle. */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
