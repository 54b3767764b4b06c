import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Latency summary in milliseconds. */
export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array (p in 0–100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

/** Durations in nanoseconds (from process.hrtime.bigint) to a summary in ms. */
export function summarize(nanos: readonly bigint[]): LatencySummary {
  const ms = nanos.map((ns) => Number(ns) / 1e6).sort((a, b) => a - b);
  const sum = ms.reduce((a, b) => a + b, 0);
  return {
    n: ms.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    mean: ms.length === 0 ? Number.NaN : sum / ms.length,
    max: ms.length === 0 ? Number.NaN : (ms[ms.length - 1] ?? Number.NaN),
  };
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Milliseconds since `start` (a performance.now() value). */
export function since(start: number): number {
  return performance.now() - start;
}

// ---------------------------------------------------------------------------------------------
// Memory

// `npm run bench` runs plain `node --import tsx`: expose gc at runtime instead of via a flag.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

export function gc(): void {
  collect();
  collect();
}

export const MB = 1024 * 1024;

export interface MemorySnapshot {
  rssMB: number;
  heapUsedMB: number;
  externalMB: number;
  /** Peak resident set size of the whole process so far (ru_maxrss). */
  maxRssMB: number;
}

export function memory(): MemorySnapshot {
  const m = process.memoryUsage();
  return {
    rssMB: m.rss / MB,
    heapUsedMB: m.heapUsed / MB,
    externalMB: (m.external + m.arrayBuffers) / MB,
    // Linux reports ru_maxrss in KiB.
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

/** JS heap + external memory held by what `build` returns, measured around a forced gc. */
export function measureRetained<T>(build: () => T): {
  value: T;
  ms: number;
  retainedMB: number;
  rssDeltaMB: number;
} {
  gc();
  const before = process.memoryUsage();
  const start = performance.now();
  const value = build();
  const ms = since(start);
  gc();
  const after = process.memoryUsage();
  const retained = after.heapUsed + after.external - (before.heapUsed + before.external);
  return { value, ms, retainedMB: retained / MB, rssDeltaMB: (after.rss - before.rss) / MB };
}

// ---------------------------------------------------------------------------------------------
// Formatting

export function fmtMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(3)} ms`;
}

export function fmtRatio(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '–';
  return ratio >= 100
    ? `${ratio.toFixed(0)}×`
    : ratio >= 10
      ? `${ratio.toFixed(1)}×`
      : `${ratio.toFixed(2)}×`;
}

export function fmtMB(mb: number | null | undefined): string {
  if (mb === null || mb === undefined || Number.isNaN(mb)) return '–';
  return `${mb.toFixed(mb >= 100 ? 0 : 1)} MB`;
}

export function fmtPct(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return `${(x * 100).toFixed(1)}%`;
}

/** A plain text table: first column left-aligned, the rest right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Progress goes to stderr so `--json` keeps stdout clean. */
export function progress(message: string): void {
  const m = memory();
  process.stderr.write(
    `[bench ${new Date().toISOString().slice(11, 19)} rss ${m.rssMB.toFixed(0)} MB] ${message}\n`,
  );
}
