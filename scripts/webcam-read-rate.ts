/**
 * Read rate of the webcam decoder over the whole corpus (scripts/make-webcam-corpus.ts: zint, GNU
 * barcode and qrencode × light, grey and dark desks × straight, tilted, blurred, noisy, upright),
 * next to zxing's plain full-frame decode (what the app did before the aiming frame) in the same run.
 *
 *   npm run bench:webcam [-- --frames 16] [-- --budget 40] [-- --json] [-- --keep DIR]
 *
 * `--keep DIR` leaves the corpus (PNG + y4m per case) in DIR and reuses it on the next run.
 *
 * Each case is one camera frame, read from the y4m video's Y plane (the grey image the camera hands
 * Chromium). The new decoder gets `--frames` consecutive frames (default 16: about 2 s of the
 * camera at the component's 120 ms interval), each with a `--budget` ms work budget, exactly as
 * WebcamScanner runs it; a case counts as read if the right text comes out. The old decoder reads
 * the same frame once (it is deterministic on a still frame). A wrong text counts as a misread.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PLAIN_STRATEGY, decodeFrame, decodeWith } from '../src/renderer/scan/webcamDecode';
import type { GreyImage } from '../src/renderer/scan/webcamDecode';
import { readY4mLuminance } from './make-scan-video';
import {
  type CorpusFile,
  DESKS,
  DISTORTIONS,
  ENCODERS,
  caseName,
  corpusMatrix,
  lookupUrl,
  makeWebcamCorpus,
} from './make-webcam-corpus';

interface Outcome {
  file: CorpusFile;
  old: 'read' | 'missed' | 'misread';
  new: 'read' | 'missed' | 'misread';
  /** Frame (1-based) on which the new decoder read it. */
  frame: number | null;
  strategy: string | null;
  /** Decode work per frame, ms of wall clock. */
  frameMs: number[];
  /** The same in CPU time of this process, ms: what the work costs without the machine's load. */
  frameCpuMs: number[];
}

const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: '16' },
    budget: { type: 'string', default: '40' },
    json: { type: 'boolean', default: false },
    keep: { type: 'string' },
  },
});
const frames = Number(values.frames);
const budget = Number(values.budget);

const dir = values.keep ? path.resolve(values.keep) : await mkdtemp(path.join(tmpdir(), 'webcam-corpus-'));
await mkdir(dir, { recursive: true });
const started = performance.now();
// With --keep, frames already in DIR are reused: a second run measures the decoder only.
const cases = corpusMatrix();
const files: CorpusFile[] = [];
const missing = cases.filter((c) => !existsSync(path.join(dir, `${caseName(c)}.y4m`)));
const made = await makeWebcamCorpus(dir, missing);
for (const c of cases) {
  const name = caseName(c);
  const text = c.encoder.endsWith('-qr') ? lookupUrl(c.card) : c.card;
  files.push(
    made.find((f) => f.name === name) ?? {
      ...c,
      name,
      text,
      png: path.join(dir, `${name}.png`),
      y4m: path.join(dir, `${name}.y4m`),
    },
  );
}
const madeMs = performance.now() - started;

const outcomes: Outcome[] = [];
for (const file of files) {
  const y = readY4mLuminance(await readFile(file.y4m));
  const frame: GreyImage = { width: y.width, height: y.height, data: y.luminance };
  const plain = decodeWith(frame, PLAIN_STRATEGY);
  const old = plain === null ? 'missed' : plain.text === file.text ? 'read' : 'misread';
  const cursor = { next: 0 };
  const frameMs: number[] = [];
  const frameCpuMs: number[] = [];
  let result: Outcome['new'] = 'missed';
  let readOn: number | null = null;
  let strategy: string | null = null;
  for (let n = 1; n <= frames; n++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const code = decodeFrame(frame, cursor, budget, () => performance.now());
    frameMs.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    frameCpuMs.push((cpu.user + cpu.system) / 1000);
    if (code) {
      result = code.text === file.text ? 'read' : 'misread';
      readOn = n;
      strategy = code.strategy;
      break;
    }
  }
  outcomes.push({ file, old, new: result, frame: readOn, strategy, frameMs, frameCpuMs });
}
if (!values.keep) await rm(dir, { recursive: true, force: true });

function rate(list: Outcome[], which: 'old' | 'new'): string {
  const read = list.filter((o) => o[which] === 'read').length;
  const wrong = list.filter((o) => o[which] === 'misread').length;
  const pct = list.length === 0 ? 0 : Math.round((100 * read) / list.length);
  return `${read}/${list.length} (${pct}%)${wrong ? `, ${wrong} misread` : ''}`;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const allFrameMs = outcomes.flatMap((o) => o.frameMs).sort((a, b) => a - b);
const allFrameCpuMs = outcomes.flatMap((o) => o.frameCpuMs).sort((a, b) => a - b);
const groups: { title: string; rows: [string, Outcome[]][] }[] = [
  { title: 'desk', rows: DESKS.map((d) => [d, outcomes.filter((o) => o.file.desk === d)]) },
  { title: 'distortion', rows: DISTORTIONS.map((d) => [d, outcomes.filter((o) => o.file.distortion === d)]) },
  { title: 'encoder', rows: ENCODERS.map((e) => [e, outcomes.filter((o) => o.file.encoder === e)]) },
  {
    title: 'Code 128 by desk',
    rows: DESKS.map((d) => [
      d,
      outcomes.filter((o) => o.file.desk === d && o.file.encoder.endsWith('code128')),
    ]),
  },
  { title: 'all', rows: [['all', outcomes]] },
];

if (values.json) {
  console.log(
    JSON.stringify(
      {
        frames,
        budgetMs: budget,
        cases: outcomes.map((o) => ({
          name: o.file.name,
          old: o.old,
          new: o.new,
          frame: o.frame,
          strategy: o.strategy,
        })),
        frameMs: { p50: quantile(allFrameMs, 0.5), p95: quantile(allFrameMs, 0.95), max: allFrameMs.at(-1) },
        frameCpuMs: {
          p50: quantile(allFrameCpuMs, 0.5),
          p95: quantile(allFrameCpuMs, 0.95),
          max: allFrameCpuMs.at(-1),
        },
        loadAverage: loadavg()[0],
      },
      null,
      2,
    ),
  );
} else {
  console.log(
    `webcam read rate: ${files.length} frames (${made.length} made in ${(madeMs / 1000).toFixed(1)} s); new decoder: ` +
      `${frames} frames × ${budget} ms budget; old: zxing's plain full-frame decode`,
  );
  for (const group of groups) {
    console.log(
      `\n| ${group.title.padEnd(16)} | ${'new decoder'.padEnd(22)} | ${'old (plain zxing)'.padEnd(22)} |`,
    );
    console.log(`|${'-'.repeat(18)}|${'-'.repeat(24)}|${'-'.repeat(24)}|`);
    for (const [name, list] of group.rows)
      console.log(
        `| ${name.padEnd(16)} | ${rate(list, 'new').padEnd(22)} | ${rate(list, 'old').padEnd(22)} |`,
      );
  }
  const missed = outcomes.filter((o) => o.new !== 'read');
  console.log(`\nnot read by the new decoder: ${missed.map((o) => o.file.name).join(', ') || 'none'}`);
  const frameNumbers = outcomes.flatMap((o) => (o.frame === null ? [] : [o.frame])).sort((a, b) => a - b);
  console.log(
    `frames until read: median ${quantile(frameNumbers, 0.5)}, p95 ${quantile(frameNumbers, 0.95)}, ` +
      `max ${frameNumbers.at(-1) ?? '-'}`,
  );
  console.log(
    `decode work per frame: median ${quantile(allFrameMs, 0.5).toFixed(1)} ms, ` +
      `p95 ${quantile(allFrameMs, 0.95).toFixed(1)} ms, max ${(allFrameMs.at(-1) ?? 0).toFixed(1)} ms ` +
      `(wall clock; CPU time median ${quantile(allFrameCpuMs, 0.5).toFixed(1)} ms, ` +
      `p95 ${quantile(allFrameCpuMs, 0.95).toFixed(1)} ms; load average ${loadavg()[0]?.toFixed(1)} ` +
      `on ${cpus().length} cores). The first strategy of a frame always runs, so one frame can overrun`,
  );
}
