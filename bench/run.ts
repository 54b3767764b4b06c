/**
 * `npm run bench [-- --json] [-- --only import,search,desk,reports] [-- --sizes 10000,50000] [-- --queries 1000]
 *   [-- --fuse-queries N] [-- --seed N] [-- --keep] [-- --desk-size 200000] [-- --handouts 2000] [-- --groups 100]
 *   [-- --points 350] [-- --point-cards 190000] [-- --report-runs 9]`
 *
 * import/search, per size: import (ours vs the sqlite3 shell floor), search latency (ours vs FlexSearch
 * vs Fuse.js), recall on name queries, memory. desk: durable hand-out and group latency vs a bare
 * INSERT floor. reports: report build + sign vs a SELECT + sign floor, and verify + merge of every
 * point's report vs OpenSSL and Python `cryptography`. Progress on stderr; tables (or JSON with --json)
 * on stdout; JSON also in bench/results/latest.json.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../src/main/store/openStore';
import { makeDataset, testKeys, type Dataset } from './dataset';
import { formatUiBench, runUiBench } from './uiBench';
import type { UiBenchResult } from './uiBench';
import {
  bulkHandOut,
  prepareDeskStore,
  runDeskBench,
  TARGET_HANDOUT_P99_MS,
  type DeskResult,
  type DeskStore,
} from './deskBench';
import {
  compareStores,
  importBreakdown,
  openBenchStore,
  runOurImport,
  runShellImport,
  schemaSql,
  sqlite3ShellVersion,
  type ImportBreakdown,
} from './importBench';
import {
  makePointReports,
  runAggregateBench,
  runCreateReportBench,
  TARGET_AGGREGATE_MS,
  TARGET_REPORT_MS,
  type AggregateResult,
  type CreateReportResult,
} from './reportsBench';
import { drawQueries, evenSubset, NAME_KINDS, NameTruth, QUERY_KINDS, type QueryKind } from './queries';
import {
  buildFlex,
  buildFuse,
  explainPlans,
  oursEngine,
  recallOnSubset,
  runEngine,
  scoreRun,
  truthFor,
  type EngineStats,
} from './searchBench';
import {
  fmtMB,
  fmtMs,
  fmtPct,
  fmtRatio,
  gc,
  memory,
  progress,
  since,
  table,
  type MemorySnapshot,
} from './stats';

const TARGET_IMPORT_RATIO = 1.5;
const TARGET_P95_MS = 5;
const TARGET_SIZE = 200_000;

const PARTS = ['import', 'search', 'desk', 'reports', 'ui', 'coldstart'] as const;
type Part = (typeof PARTS)[number];

interface Options {
  json: boolean;
  /** Parts to run; import and search share the per-size run (search uses the imported store). */
  only: Part[];
  deskSize: number;
  handouts: number;
  groups: number;
  points: number;
  pointCards: number;
  reportRuns: number;
  sizes: number[];
  queries: number;
  warmup: number;
  fuseQueries: number | null;
  seed: number;
  keep: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = {
    json: false,
    only: [...PARTS],
    deskSize: 200_000,
    handouts: 2000,
    groups: 100,
    points: 350,
    pointCards: 190_000,
    reportRuns: 9,
    sizes: [10_000, 50_000, 200_000],
    queries: 1000,
    warmup: 200,
    fuseQueries: null,
    seed: 2027,
    keep: false,
  };
  const num = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${flag} needs a whole number > 0, got ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? (arg.split('=', 2) as [string, string]) : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--json':
        opts.json = true;
        break;
      case '--keep':
        opts.keep = true;
        break;
      case '--only': {
        const parts = (value() ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        const bad = parts.filter((p) => !(PARTS as readonly string[]).includes(p));
        if (bad.length > 0 || parts.length === 0)
          throw new Error(`--only takes a list of ${PARTS.join(', ')}; got ${JSON.stringify(parts)}`);
        opts.only = parts as Part[];
        break;
      }
      case '--desk-size':
        opts.deskSize = num('--desk-size', value()?.replace(/_/g, ''));
        break;
      case '--handouts':
        opts.handouts = num('--handouts', value());
        break;
      case '--groups':
        opts.groups = num('--groups', value());
        break;
      case '--points':
        opts.points = num('--points', value());
        break;
      case '--point-cards':
        opts.pointCards = num('--point-cards', value()?.replace(/_/g, ''));
        break;
      case '--report-runs':
        opts.reportRuns = num('--report-runs', value());
        break;
      case '--sizes':
        opts.sizes = (value() ?? '').split(',').map((s) => num('--sizes', s.trim().replace(/_/g, '')));
        break;
      case '--queries':
        opts.queries = num('--queries', value());
        break;
      case '--warmup':
        opts.warmup = num('--warmup', value());
        break;
      case '--fuse-queries':
        opts.fuseQueries = num('--fuse-queries', value());
        break;
      case '--seed':
        opts.seed = num('--seed', value());
        break;
      case '--help':
        process.stdout.write(
          'npm run bench -- [--json] [--only import,search,desk,reports] [--sizes 10000,50000,200000] [--queries 1000] [--warmup 200] [--fuse-queries N] [--seed N] [--keep]\n' +
            '                 [--desk-size 200000] [--handouts 2000] [--groups 100] [--points 350] [--point-cards 190000] [--report-runs 5]\n' +
            '  import and search run together per size (search queries the imported store).\n',
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg} (try --help)`);
    }
  }
  return opts;
}

/** Fuse scans every record per query (~1.3 s per query at 200k here): a deterministic 100-query subset. */
const FUSE_QUERIES = 100;
function fuseQueryCount(total: number, override: number | null): number {
  return Math.min(override ?? FUSE_QUERIES, total);
}

interface SizeResult {
  size: number;
  dataset: {
    seed: number;
    packageBytes: number;
    cardsCsvBytes: number;
    generateMs: number;
    packageMs: number;
    shellCsvMs: number;
  };
  import: {
    oursMs: number;
    oursOpenMs: number;
    shellMs: number;
    /** CPU time (user + system) of ours and of the shell process; cpuRatio ours/shell (null without /usr/bin/time). */
    oursCpuMs: number;
    shellCpuMs: number | null;
    cpuRatio: number | null;
    ratio: number;
    target: { ratio: number; met: boolean | null };
    sameContents: boolean;
    check: string;
    oursDbBytes: number;
    shellDbBytes: number;
    breakdown: ImportBreakdown;
  };
  search: {
    queries: number;
    warmup: number;
    mix: Partial<Record<QueryKind, number>>;
    engines: Record<
      string,
      EngineStats & {
        buildMs: number | null;
        retainedMB: number | null;
        rssDeltaMB: number | null;
        config: string;
      }
    >;
    fuseSubset: { queries: number; oursRecall: number; flexRecall: number; fuseRecall: number };
    p95Ratio: { flexsearch: number; fuse: number };
    target: { p95Ms: number; met: boolean | null };
    samples: Partial<Record<QueryKind, string[]>>;
  };
  plans: Record<string, string[]> | null;
  rss: Record<string, MemorySnapshot>;
}

async function benchSize(
  size: number,
  opts: Options,
  keys: ReturnType<typeof testKeys>,
): Promise<SizeResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `balie-bench-${size}-`));
  const rss: Record<string, MemorySnapshot> = {};
  const phase = (name: string): void => {
    rss[name] = memory();
  };
  try {
    progress(`${size}: generating ${size} cards and the signed package`);
    const ds: Dataset = makeDataset(size, opts.seed, dir, keys.privateKeyPem);
    phase('after generate');

    const fresh = openBenchStore(dir, 'schema.sqlite', keys.publicKeyPem);
    const schema = schemaSql(fresh.db);
    fresh.db.close();

    progress(`${size}: floor — sqlite3 shell .import + INSERT … SELECT`);
    const shell = runShellImport(ds, dir, schema);
    progress(`${size}: ours — importBatch (verify, parse, plan, backup, insert, FTS)`);
    const ours = await runOurImport(ds, dir, keys.publicKeyPem);
    phase('after import');
    const check = compareStores(ours.dbPath, shell.dbPath);
    if (!check.identical) progress(`${size}: WARNING store contents differ: ${check.detail}`);
    const ratio = ours.importMs / shell.ms;
    progress(`${size}: import breakdown (same src steps one by one; row-wise vs staged insert)`);
    const breakdown = importBreakdown(ds, dir, keys.publicKeyPem);

    // Search on the imported store, reopened as the desk app would open it.
    const opened = openStore(ours.dbPath);
    if (!opened.ok) throw new Error(`cannot reopen ${ours.dbPath}`);
    const db = opened.value;
    const queries = drawQueries(ds.records, opts.queries, opts.seed * 7 + size);
    const warmup = drawQueries(ds.records, opts.warmup, opts.seed * 13 + size);
    const all = queries.map((_, i) => i);
    progress(
      `${size}: ground truth for ${queries.filter((q) => NAME_KINDS.has(q.kind)).length} name queries`,
    );
    const truths = truthFor(queries, new NameTruth(ds.searchTexts));

    progress(`${size}: ours — ${queries.length} queries after ${warmup.length} warm-up`);
    const oursRun = runEngine(oursEngine(db, ds.records), queries, all, warmup);
    phase('after search ours');

    progress(`${size}: FlexSearch — build + ${queries.length} queries`);
    let flex: ReturnType<typeof buildFlex> | null = buildFlex(ds.records, ds.searchTexts);
    const flexRun = runEngine(flex.engine, queries, all, warmup);
    const flexInfo = {
      buildMs: flex.buildMs,
      retainedMB: flex.retainedMB,
      rssDeltaMB: flex.rssDeltaMB,
      config: flex.config,
    };
    phase('after flexsearch');
    flex = null;
    gc();

    const fuseCount = fuseQueryCount(queries.length, opts.fuseQueries);
    const fuseIdx = evenSubset(all, fuseCount);
    progress(
      `${size}: Fuse.js — build + ${fuseCount} queries${fuseCount < queries.length ? ' (deterministic subset: every k-th query)' : ''}`,
    );
    let fuse: ReturnType<typeof buildFuse> | null = buildFuse(ds.records);
    const fuseRun = runEngine(fuse.engine, queries, fuseIdx, evenSubset(warmup, 3));
    const fuseInfo = {
      buildMs: fuse.buildMs,
      retainedMB: fuse.retainedMB,
      rssDeltaMB: fuse.rssDeltaMB,
      config: fuse.config,
    };
    phase('after fuse');
    fuse = null;
    gc();

    const oursStats = scoreRun(oursRun, queries, truths, false);
    const flexStats = scoreRun(flexRun, queries, truths, false);
    const fuseStats = scoreRun(fuseRun, queries, truths, fuseCount < queries.length);
    const subsetSet = new Set(fuseIdx);

    // Plans for one sample per kind, at the largest size only (output stays short).
    const samples: Partial<Record<QueryKind, string[]>> = {};
    const mix: Partial<Record<QueryKind, number>> = {};
    for (const q of queries) {
      mix[q.kind] = (mix[q.kind] ?? 0) + 1;
      const list = (samples[q.kind] ??= []);
      if (list.length < 3) list.push(q.text);
    }
    const plans =
      size === Math.max(...opts.sizes)
        ? explainPlans(
            db,
            Object.fromEntries(
              (['surname_prefix', 'particle', 'first_last', 'postcode', 'card_prefix'] as const).map((k) => [
                k,
                samples[k]?.[0] ?? '',
              ]),
            ),
          )
        : null;
    db.close();

    return {
      size,
      dataset: {
        seed: opts.seed,
        packageBytes: ds.packageBytes,
        cardsCsvBytes: ds.cardsCsvBytes,
        ...ds.timings,
      },
      import: {
        oursMs: ours.importMs,
        oursOpenMs: ours.openMs,
        shellMs: shell.ms,
        oursCpuMs: ours.importCpuMs,
        shellCpuMs: shell.cpuMs,
        cpuRatio: shell.cpuMs === null ? null : ours.importCpuMs / shell.cpuMs,
        ratio,
        target: {
          ratio: TARGET_IMPORT_RATIO,
          met: size === TARGET_SIZE ? ratio <= TARGET_IMPORT_RATIO : null,
        },
        sameContents: check.identical,
        check: check.detail,
        oursDbBytes: ours.dbBytes,
        shellDbBytes: shell.dbBytes,
        breakdown,
      },
      search: {
        queries: queries.length,
        warmup: warmup.length,
        mix,
        engines: {
          ours: {
            ...oursStats,
            buildMs: null,
            retainedMB: null,
            rssDeltaMB: null,
            config: 'searchCards(db, q, 50) on the imported store',
          },
          flexsearch: { ...flexStats, ...flexInfo },
          fuse: { ...fuseStats, ...fuseInfo },
        },
        fuseSubset: {
          queries: fuseCount,
          oursRecall: recallOnSubset(oursRun, subsetSet, truths),
          flexRecall: recallOnSubset(flexRun, subsetSet, truths),
          fuseRecall: fuseStats.nameRecall,
        },
        p95Ratio: {
          flexsearch: flexStats.overall.p95 / oursStats.overall.p95,
          fuse: fuseStats.overall.p95 / oursStats.overall.p95,
        },
        target: {
          p95Ms: TARGET_P95_MS,
          met: size === TARGET_SIZE ? oursStats.overall.p95 <= TARGET_P95_MS : null,
        },
        samples,
      },
      plans,
      rss,
    };
  } finally {
    if (opts.keep) progress(`${size}: kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Printing

function printSize(r: SizeResult): string {
  const out: string[] = [];
  const n = r.size.toLocaleString('en-US');
  out.push(`\n=== ${n} cards ===`);
  out.push(
    `data: package ${fmtMB(r.dataset.packageBytes / 2 ** 20)} (cards.csv ${fmtMB(r.dataset.cardsCsvBytes / 2 ** 20)}), generated in ${fmtMs(r.dataset.generateMs)}, packaged+signed in ${fmtMs(r.dataset.packageMs)}`,
  );
  out.push('');
  out.push('Import (fresh store file, WAL, synchronous=FULL)');
  const imp = r.import;
  out.push(
    table(
      ['', 'time', 'rows/s', 'vs floor', 'db file'],
      [
        [
          'sqlite3 shell (floor)',
          fmtMs(imp.shellMs),
          Math.round(r.size / (imp.shellMs / 1000)).toLocaleString('en-US'),
          '1.00×',
          fmtMB(imp.shellDbBytes / 2 ** 20),
        ],
        [
          'ours: importBatch',
          fmtMs(imp.oursMs),
          Math.round(r.size / (imp.oursMs / 1000)).toLocaleString('en-US'),
          fmtRatio(imp.ratio),
          fmtMB(imp.oursDbBytes / 2 ** 20),
        ],
      ],
    ),
  );
  out.push(
    `CPU time (user + system): ours ${fmtMs(imp.oursCpuMs)}, shell ${imp.shellCpuMs === null ? '– (no /usr/bin/time)' : fmtMs(imp.shellCpuMs)}` +
      (imp.cpuRatio === null
        ? ''
        : ` → ${fmtRatio(imp.cpuRatio)} (wall time above waits for the disk and for the other work on the machine)`),
  );
  out.push(`same contents: ${imp.sameContents ? 'yes' : 'NO'} — ${imp.check}`);
  if (imp.target.met !== null)
    out.push(
      `target ours/shell ≤ ${imp.target.ratio}×: ${imp.target.met ? 'MET' : 'MISSED'} (${fmtRatio(imp.ratio)})`,
    );
  out.push(`(store open + migrate + initPoint, not counted above: ${fmtMs(imp.oursOpenMs)})`);
  const b = imp.breakdown;
  out.push(
    `ours step by step: verify+unzip ${fmtMs(b.verifyMs)}, decode+parse+validate ${fmtMs(b.parseMs)}, fold names ${fmtMs(b.foldMs)}, ` +
      `insert with per-row triggers ${fmtMs(b.insertTriggersMs)} vs bulk, as importBatch ${fmtMs(b.insertBulkMs)} ` +
      `→ ≈ ${fmtMs(b.verifyMs + b.parseMs + b.foldMs + b.insertBulkMs)} (${fmtRatio((b.verifyMs + b.parseMs + b.foldMs + b.insertBulkMs) / imp.shellMs)} of floor)`,
  );

  const s = r.search;
  const e = s.engines;
  const ours = e.ours as EngineStats;
  out.push('');
  out.push(
    `Search latency, limit 50 (${s.queries} mixed queries after ${s.warmup} warm-up; Fuse: ${e.fuse?.queries} ${e.fuse?.subset ? 'query deterministic subset (every k-th)' : 'queries'})`,
  );
  const rows = (['ours', 'flexsearch', 'fuse'] as const).map((name) => {
    const st = e[name] as SizeResult['search']['engines'][string];
    return [
      name === 'ours' ? 'ours: searchCards' : name === 'fuse' ? 'Fuse.js' : 'FlexSearch',
      String(st.queries),
      fmtMs(st.overall.p50),
      fmtMs(st.overall.p95),
      fmtMs(st.overall.p99),
      fmtMs(st.overall.max),
      name === 'ours' ? '1.00×' : fmtRatio(st.overall.p95 / ours.overall.p95),
      fmtPct(st.nameRecall),
      fmtPct(st.targetFound),
      st.buildMs === null ? '(SQLite)' : fmtMs(st.buildMs),
      st.retainedMB === null ? '(SQLite)' : fmtMB(st.retainedMB),
    ];
  });
  out.push(
    table(
      [
        'engine',
        'queries',
        'p50',
        'p95',
        'p99',
        'max',
        'p95 / ours',
        'recall@50',
        'id found',
        'index build',
        'index heap',
      ],
      rows,
    ),
  );
  out.push(
    `recall on Fuse's ${s.fuseSubset.queries}-query subset (name queries only): ours ${fmtPct(s.fuseSubset.oursRecall)}, FlexSearch ${fmtPct(s.fuseSubset.flexRecall)}, Fuse ${fmtPct(s.fuseSubset.fuseRecall)}`,
  );
  if (s.target.met !== null)
    out.push(
      `target ours p95 ≤ ${s.target.p95Ms} ms: ${s.target.met ? 'MET' : 'MISSED'} (${fmtMs(ours.overall.p95)})`,
    );

  out.push('');
  out.push(
    'Per kind: p95 (recall@50 for name kinds, found for id kinds); "matches" = mean ground-truth size',
  );
  const kindRows = QUERY_KINDS.map((kind) => {
    const k = (name: string): string => {
      const st = e[name]?.perKind[kind];
      if (!st) return '–';
      const quality =
        st.recall !== null ? ` ${fmtPct(st.recall)}` : st.found !== null ? ` ${fmtPct(st.found)}` : '';
      return `${fmtMs(st.latency.p95)}${quality}`;
    };
    const o = ours.perKind[kind];
    return [
      kind,
      String(s.mix[kind] ?? 0),
      o?.meanMatches === null || o?.meanMatches === undefined
        ? ''
        : Math.round(o.meanMatches).toLocaleString('en-US'),
      o ? fmtMs(o.latency.p50) : '–',
      k('ours'),
      k('flexsearch'),
      k('fuse'),
    ];
  });
  out.push(table(['kind', 'n', 'matches', 'ours p50', 'ours p95', 'FlexSearch p95', 'Fuse p95'], kindRows));
  out.push(
    `examples: ${QUERY_KINDS.map((k) => `${k} ${JSON.stringify(s.samples[k]?.[0] ?? '')}`).join(', ')}`,
  );

  if (r.plans) {
    out.push('');
    out.push('EXPLAIN QUERY PLAN (statements as searchCards prepares them)');
    for (const [label, lines] of Object.entries(r.plans))
      out.push(`  ${label}:\n    ${lines.join('\n    ')}`);
  }

  out.push('');
  out.push(
    `Memory (rss / heap / peak rss): ${Object.entries(r.rss)
      .map(([p, m]) => `${p}: ${fmtMB(m.rssMB)} / ${fmtMB(m.heapUsedMB)} / ${fmtMB(m.maxRssMB)}`)
      .join('; ')}`,
  );
  out.push(
    `index memory retained (heap+external after gc): FlexSearch ${fmtMB(e.flexsearch?.retainedMB)} (rss +${fmtMB(e.flexsearch?.rssDeltaMB)}), Fuse ${fmtMB(e.fuse?.retainedMB)} (rss +${fmtMB(e.fuse?.rssDeltaMB)}); ours lives in SQLite (page cache ≤ 16 MB, db file ${fmtMB(imp.oursDbBytes / 2 ** 20)})`,
  );
  return out.join('\n');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const keys = testKeys();
  const runSizes = opts.only.includes('import') || opts.only.includes('search');
  const shellVersion = sqlite3ShellVersion();
  if (shellVersion === null && runSizes)
    throw new Error('the floor needs Debian’s sqlite3 shell at /usr/bin/sqlite3 (apt-get install sqlite3)');
  const mem = new Database(':memory:');
  const sqliteVersion = (mem.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  mem.close();
  const cpus = os.cpus();
  const machine = {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? '?',
    totalMemMB: Math.round(os.totalmem() / 2 ** 20),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sqlite: { betterSqlite3: sqliteVersion, shell: shellVersion },
    libraries: {
      fuse: libVersion('fuse.js'),
      flexsearch: libVersion('flexsearch'),
      betterSqlite3: libVersion('better-sqlite3'),
    },
    keys: keys.from,
  };
  progress(
    `parts ${opts.only.join(', ')}${runSizes ? `; sizes ${opts.sizes.join(', ')}; ${opts.queries} queries` : ''}; node ${machine.node}; sqlite ${sqliteVersion} (shell ${shellVersion})`,
  );

  const results: SizeResult[] = [];
  if (runSizes) {
    for (const size of opts.sizes) {
      results.push(await benchSize(size, opts, keys));
      gc();
    }
  }
  const { desk, reports } = await benchDeskAndReports(opts, keys);
  let ui: UiBenchResult | null = null;
  if (opts.only.includes('ui')) {
    const uiSize = Math.max(...opts.sizes);
    progress(
      `ui: ${uiSize.toLocaleString('en-US')}-card store served to Chromium; keystroke and scan to paint`,
    );
    ui = await runUiBench({ size: uiSize, seed: opts.seed, queries: 300, scans: 150 });
  }
  let coldStart: ColdStartResult | null = null;
  if (opts.only.includes('coldstart')) {
    const cards = Math.max(...opts.sizes);
    progress(`coldstart: ${cards.toLocaleString('en-US')}-card store, 7 fresh processes to the first answer`);
    coldStart = runColdStart(cards);
  }
  const final = memory();
  const goals = issueGoals(results, reports, ui, coldStart);
  const report = {
    generatedAt: new Date().toISOString(),
    machine,
    options: opts,
    targets: {
      importRatioAt200k: TARGET_IMPORT_RATIO,
      p95MsAt200k: TARGET_P95_MS,
      handOutP99Ms: TARGET_HANDOUT_P99_MS,
      createReportMs: TARGET_REPORT_MS,
      aggregateMs: TARGET_AGGREGATE_MS,
    },
    sizes: results,
    desk,
    reports,
    ui,
    coldStart,
    goals,
    peakRssMB: final.maxRssMB,
    peakRssNote:
      'process-wide ru_maxrss: includes the generated rows, the FlexSearch and Fuse indexes and SQLite caches',
    totalMs: since(started),
  };

  const resultsDir = path.resolve(import.meta.dirname, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);

  if (opts.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const lines = [
      `Lerarenkaart Balie benchmark — ${machine.cpus} × ${machine.cpuModel}, ${machine.totalMemMB} MB, node ${machine.node}, SQLite ${sqliteVersion} (better-sqlite3 ${machine.libraries.betterSqlite3}) vs sqlite3 shell ${shellVersion}; Fuse.js ${machine.libraries.fuse}, FlexSearch ${machine.libraries.flexsearch}; seed ${opts.seed}`,
      ...results.map(printSize),
      ...(desk ? [printDesk(desk)] : []),
      ...(reports ? [printReports(reports)] : []),
      '',
      'Summary',
      ...(results.length > 0
        ? [
            table(
              [
                'size',
                'import ours',
                'shell',
                'ours/shell',
                'ours p95',
                'Flex p95',
                'Fuse p95',
                'Flex/ours p95',
                'Fuse/ours p95',
                'recall ours/Flex/Fuse',
              ],
              results.map((r) => {
                const e = r.search.engines;
                return [
                  r.size.toLocaleString('en-US'),
                  fmtMs(r.import.oursMs),
                  fmtMs(r.import.shellMs),
                  fmtRatio(r.import.ratio),
                  fmtMs(e.ours?.overall.p95),
                  fmtMs(e.flexsearch?.overall.p95),
                  fmtMs(e.fuse?.overall.p95),
                  fmtRatio(r.search.p95Ratio.flexsearch),
                  fmtRatio(r.search.p95Ratio.fuse),
                  `${fmtPct(e.ours?.nameRecall)} / ${fmtPct(e.flexsearch?.nameRecall)} / ${fmtPct(e.fuse?.nameRecall)}${e.fuse?.subset ? '*' : ''}`,
                ];
              }),
            ),
          ]
        : []),
      ...(results.some((r) => r.search.engines.fuse?.subset)
        ? ['* Fuse recall on its subset only (see per size).']
        : []),
      ...summaryDeskReports(desk, reports, results.length > 0),
      ...(ui ? ['', formatUiBench(ui)] : []),
      ...(coldStart
        ? [
            '',
            `Cold start at ${coldStart.cards.toLocaleString('en-US')} cards (median of ${coldStart.runs} fresh processes): open store ${fmtMs(coldStart.openStoreMs)}, API handlers ${fmtMs(coldStart.handlersMs)}, first search ${fmtMs(coldStart.firstSearchMs)}; core ${fmtMs(coldStart.coreMs)}, with Node start and tsx ${fmtMs(coldStart.totalMs)} (bare node ${fmtMs(coldStart.bareNodeMs)}); peak RSS ${fmtMB(coldStart.rssMB)}`,
          ]
        : []),
      `peak RSS ${fmtMB(final.maxRssMB)} (${report.peakRssNote}); total ${fmtMs(report.totalMs)}; JSON in bench/results/latest.json`,
      '',
      'Goals (issue 13), each against its baseline in this run',
      table(
        ['goal', 'ours', 'baseline', 'ratio', 'met'],
        goals.map((g) => [
          g.goal,
          g.ours,
          g.baseline,
          g.ratio,
          g.met === null ? 'not run' : g.met ? 'MET' : 'MISSED',
        ]),
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  progress(`done in ${fmtMs(report.totalMs)}`);
}

// ---------------------------------------------------------------------------------------------
// Cold start and the issue's goals

interface ColdStartResult {
  cards: number;
  runs: number;
  openStoreMs: number;
  handlersMs: number;
  firstSearchMs: number;
  coreMs: number;
  totalMs: number;
  bareNodeMs: number;
  rssMB: number;
  targets: { coreMs: number; rssMB: number; coreMet: boolean; rssMet: boolean };
}

/** bench/coldStartBench.ts in its own process (it spawns the fresh probes itself). */
function runColdStart(cards: number): ColdStartResult {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'coldStartBench.ts'),
      '--json',
      '--cards',
      String(cards),
      '--runs',
      '7',
    ],
    { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 },
  );
  if (run.status !== 0) throw new Error(`coldStartBench failed: ${run.stderr}`);
  const last = run.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as ColdStartResult;
}

interface Goal {
  goal: string;
  ours: string;
  baseline: string;
  ratio: string;
  met: boolean | null;
}

const SEARCH_P50_MS = 0.3;
const SEARCH_P99_MS = 2;
const SURNAME_P50_MS = 1;
const FLEX_FACTOR = 10;
const IMPORT_RATIO_GOAL = 0.75;

/** One row per goal of issue 13, from this run's figures (null = that part was not run). */
function issueGoals(
  results: SizeResult[],
  reports: ReportsResult | null,
  ui: UiBenchResult | null,
  cold: ColdStartResult | null,
): Goal[] {
  const big = results.find((r) => r.size === TARGET_SIZE) ?? null;
  const ours = big?.search.engines.ours;
  const flex = big?.search.engines.flexsearch;
  const surname = ours?.perKind.surname?.latency;
  const none = (goal: string): Goal => ({ goal, ours: '—', baseline: '—', ratio: '—', met: null });
  const goals: Goal[] = [];
  if (ours && flex) {
    goals.push(
      {
        goal: `search p50 ≤ ${SEARCH_P50_MS} ms (200k)`,
        ours: fmtMs(ours.overall.p50),
        baseline: `Flex ${fmtMs(flex.overall.p50)}`,
        ratio: fmtRatio(ours.overall.p50 / flex.overall.p50),
        met: ours.overall.p50 <= SEARCH_P50_MS,
      },
      {
        goal: `search p99 ≤ ${SEARCH_P99_MS} ms`,
        ours: fmtMs(ours.overall.p99),
        baseline: `Flex ${fmtMs(flex.overall.p99)}`,
        ratio: fmtRatio(ours.overall.p99 / flex.overall.p99),
        met: ours.overall.p99 <= SEARCH_P99_MS,
      },
      {
        goal: `Flex/ours p95 ≥ ${FLEX_FACTOR}×`,
        ours: fmtMs(ours.overall.p95),
        baseline: `Flex ${fmtMs(flex.overall.p95)}`,
        ratio: fmtRatio(flex.overall.p95 / ours.overall.p95),
        met: flex.overall.p95 / ours.overall.p95 >= FLEX_FACTOR,
      },
      {
        goal: `Flex/ours p99 ≥ ${FLEX_FACTOR}×`,
        ours: fmtMs(ours.overall.p99),
        baseline: `Flex ${fmtMs(flex.overall.p99)}`,
        ratio: fmtRatio(flex.overall.p99 / ours.overall.p99),
        met: flex.overall.p99 / ours.overall.p99 >= FLEX_FACTOR,
      },
      {
        goal: `surname p50 ≤ ${SURNAME_P50_MS} ms`,
        ours: fmtMs(surname?.p50),
        baseline: `Flex ${fmtMs(flex.perKind.surname?.latency.p50)}`,
        ratio: fmtRatio((surname?.p50 ?? NaN) / (flex.perKind.surname?.latency.p50 ?? NaN)),
        met: surname ? surname.p50 <= SURNAME_P50_MS : null,
      },
      {
        goal: 'name recall 100% (ground truth)',
        ours: fmtPct(ours.nameRecall),
        baseline: `Flex ${fmtPct(flex.nameRecall)}`,
        ratio: '—',
        met: ours.nameRecall >= 1,
      },
    );
  } else goals.push(none('search (200k)'));
  if (big)
    goals.push({
      goal: `import ours/shell ≤ ${IMPORT_RATIO_GOAL}`,
      ours: fmtMs(big.import.oursMs),
      baseline: `shell ${fmtMs(big.import.shellMs)}`,
      ratio: fmtRatio(big.import.ratio),
      met: big.import.ratio <= IMPORT_RATIO_GOAL,
    });
  if (ui) {
    goals.push(
      {
        goal: `keystroke → painted p95 ≤ ${ui.targets.keystrokeP95Ms} ms`,
        ours: fmtMs(ui.keystroke.paint.p95),
        baseline: `handler ${fmtMs(ui.keystroke.handler.p95)}`,
        ratio: fmtRatio(ui.keystroke.paint.p95 / ui.keystroke.handler.p95),
        met: ui.targets.keystrokeMet,
      },
      {
        goal: `scan → verdict painted p95 ≤ ${ui.targets.scanP95Ms} ms`,
        ours: fmtMs(ui.scan.paint.p95),
        baseline: `handler ${fmtMs(ui.scan.handler.p95)}`,
        ratio: fmtRatio(ui.scan.paint.p95 / ui.scan.handler.p95),
        met: ui.targets.scanMet,
      },
    );
  } else goals.push(none('paint (ui)'));
  const c = reports?.create;
  if (c)
    goals.push({
      goal: `report ≤ 1.0× floor (median of ${c.repeats})`,
      ours: fmtMs(c.createReport.median),
      baseline: `floor ${fmtMs(c.floor.median)}`,
      ratio: fmtRatio(c.ratio.createReportVsFloor),
      met: c.ratio.createReportVsFloor <= 1,
    });
  else goals.push(none('report'));
  if (cold) {
    goals.push(
      {
        goal: `cold start core ≤ ${cold.targets.coreMs} ms`,
        ours: fmtMs(cold.coreMs),
        baseline: `open store ${fmtMs(cold.openStoreMs)}`,
        ratio: fmtRatio(cold.coreMs / cold.openStoreMs),
        met: cold.targets.coreMet,
      },
      {
        goal: `cold start peak RSS ≤ ${cold.targets.rssMB} MB`,
        ours: fmtMB(cold.rssMB),
        baseline: '—',
        ratio: '—',
        met: cold.targets.rssMet,
      },
    );
  } else goals.push(none('cold start'));
  return goals;
}

// ---------------------------------------------------------------------------------------------
// Desk operations and reports

interface ReportsResult {
  create: CreateReportResult | null;
  aggregate: AggregateResult | null;
}

async function benchDeskAndReports(
  opts: Options,
  keys: ReturnType<typeof testKeys>,
): Promise<{ desk: DeskResult | null; reports: ReportsResult | null }> {
  const wantDesk = opts.only.includes('desk');
  const wantReports = opts.only.includes('reports');
  if (!wantDesk && !wantReports) return { desk: null, reports: null };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-bench-desk-'));
  let store: DeskStore | null = null;
  try {
    const n = opts.deskSize.toLocaleString('en-US');
    progress(`desk: ${n}-card store (generate + importBatch; setup, not measured)`);
    store = await prepareDeskStore(opts.deskSize, opts.seed, dir, keys);
    let desk: DeskResult | null = null;
    if (wantDesk) {
      progress(
        `desk: ${opts.handouts} hand-outs and ${opts.groups} groups of 50, each alternated with its floor (fs ${store.fsType})`,
      );
      desk = runDeskBench(store, { handouts: opts.handouts, groups: opts.groups, groupSize: 50, warmup: 50 });
    }
    let reports: ReportsResult | null = null;
    if (wantReports) {
      const collected = Math.round(opts.deskSize * 0.75);
      progress(
        `reports: bulk hand-out up to ${collected.toLocaleString('en-US')} collected (setup, one transaction)`,
      );
      const bulk = bulkHandOut(store, collected);
      progress(`reports: buildReportPayload / signReportEnvelope / createReport × ${opts.reportRuns}`);
      const create = runCreateReportBench(
        store,
        { bulkHandOutMs: bulk.ms, bulkAdded: bulk.added },
        opts.reportRuns,
      );
      store.ctx.db.close();
      store = null;
      progress(
        `reports: ${opts.points} point reports with ${opts.pointCards.toLocaleString('en-US')} cards, each with its own key (setup)`,
      );
      const set = makePointReports(dir, opts.points, opts.pointCards, opts.seed);
      progress(
        `reports: aggregateReports × ${opts.reportRuns} vs OpenSSL (1 process per file) and Python cryptography`,
      );
      const aggregate = runAggregateBench(dir, set, opts.reportRuns);
      reports = { create, aggregate };
    }
    return { desk, reports };
  } finally {
    store?.ctx.db.close();
    if (opts.keep) progress(`desk/reports: kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

function printDesk(d: DeskResult): string {
  const out: string[] = [];
  out.push(
    `\n=== Desk operations: ${d.size.toLocaleString('en-US')}-card store, WAL + synchronous=FULL, one IMMEDIATE transaction per call, fs ${d.fsType} ===`,
  );
  out.push(
    'each call alternated with its floor (same pragmas, own file, 1-column table); "vs floor" = ours / floor at the same percentile',
  );
  const row = (label: string, n: number, l: DeskResult['handOut']['ours'], ratio: string): string[] => [
    label,
    String(n),
    fmtMs(l.p50),
    fmtMs(l.p95),
    fmtMs(l.p99),
    fmtMs(l.max),
    ratio,
  ];
  const h = d.handOut;
  const g = d.group;
  out.push(
    table(
      ['', 'n', 'p50', 'p95', 'p99', 'max', 'vs floor (p50 / p95 / p99)'],
      [
        row('floor: INSERT 1 row, 1 txn', h.n, h.floor, '1.00×'),
        row(
          'ours: handOut',
          h.n,
          h.ours,
          `${fmtRatio(h.ratio.p50)} / ${fmtRatio(h.ratio.p95)} / ${fmtRatio(h.ratio.p99)}`,
        ),
        row(`floor: INSERT ${g.groupSize} rows, 1 txn`, g.n, g.floor, '1.00×'),
        row(
          `ours: collectGroup (${g.groupSize} cards)`,
          g.n,
          g.ours,
          `${fmtRatio(g.ratio.p50)} / ${fmtRatio(g.ratio.p95)} / ${fmtRatio(g.ratio.p99)}`,
        ),
      ],
    ),
  );
  out.push(
    `ours − floor at p50: handOut +${fmtMs(h.overheadP50Ms)}, collectGroup +${fmtMs(g.overheadP50Ms)} (${fmtMs(g.overheadP50Ms / g.groupSize)} per card)`,
  );
  out.push(
    `target handOut p99 ≤ ${h.target.p99Ms} ms: ${h.target.met ? 'MET' : 'MISSED'} (${fmtMs(h.ours.p99)}); rows written ${d.check.handouts} events in ${d.check.groups} groups + singles: ${d.check.ok ? 'as expected' : 'UNEXPECTED'}`,
  );
  out.push(
    `(setup, not measured: generate ${fmtMs(d.setup.generateMs)}, importBatch ${fmtMs(d.setup.importMs)}; ${h.warmup} hand-outs and ${g.warmup} groups of warm-up)`,
  );
  return out.join('\n');
}

function printReports(r: ReportsResult): string {
  const out: string[] = [];
  const c = r.create;
  if (c) {
    out.push(
      `\n=== Report of one point: ${c.cards.toLocaleString('en-US')} cards, ${c.collected.toLocaleString('en-US')} collected (${c.pickups.toLocaleString('en-US')} pickups, payload ${fmtMB(c.payloadBytes / 2 ** 20)}, file ${fmtMB(c.fileBytes / 2 ** 20)}) ===`,
    );
    const line = (
      label: string,
      x: { median: number; min: number; max: number },
      ratio: string,
    ): string[] => [label, fmtMs(x.median), fmtMs(x.min), fmtMs(x.max), ratio];
    const vs = (x: { median: number }): string => fmtRatio(x.median / c.floor.median);
    out.push(
      table(
        ['', 'median', 'min', 'max', 'vs floor'],
        [
          line('floor: SELECT pickups + JSON.stringify (same bytes) + sign', c.floor, '1.00×'),
          line('ours: buildReportPayload', c.buildReportPayload, vs(c.buildReportPayload)),
          line('  of which cardStats (GROUP BY)', c.cardStats, vs(c.cardStats)),
          line('ours: signReportEnvelope', c.signReportEnvelope, vs(c.signReportEnvelope)),
          line('  of which writer schema (safeParse)', c.writerSchema, vs(c.writerSchema)),
          line('createReport builds once: buildReport', c.reportHead, vs(c.reportHead)),
          line('  of which buildPickupsJson (SQLite group_concat)', c.pickupsJson, vs(c.pickupsJson)),
          line('  + signReportParts (head schema, base64, sign)', c.signReportParts, vs(c.signReportParts)),
          line('ours: createReport (whole, file written)', c.createReport, vs(c.createReport)),
        ],
      ),
    );
    out.push(
      `target createReport ≤ ${fmtMs(c.target.ms)}: ${c.target.met ? 'MET' : 'MISSED'} (median ${fmtMs(c.createReport.median)} over ${c.repeats} runs); last report verifies: ${c.verified ? 'yes' : 'NO'}`,
    );
    out.push(
      `(setup, not measured: ${c.setup.bulkAdded.toLocaleString('en-US')} bulk hand-outs via appendDeskEvent in ${fmtMs(c.setup.bulkHandOutMs)})`,
    );
  }
  const a = r.aggregate;
  if (a) {
    out.push(
      `\n=== Issuer: verify + merge ${a.set.points} reports (${a.set.cards.toLocaleString('en-US')} cards, ${a.set.collected.toLocaleString('en-US')} collected, ${fmtMB(a.set.bytes / 2 ** 20)} of files), by province ===`,
    );
    const per = (ms: number): string => fmtMs(ms / a.set.points);
    const rows: string[][] = [
      [
        'ours: aggregateReports (verify + schema + merge)',
        fmtMs(a.ours.median),
        per(a.ours.median),
        '1.00×',
        `${a.oursCheck.verified}/${a.set.points}`,
      ],
      [
        'ours: + read folder + load keys',
        fmtMs(a.oursWithIo.median),
        per(a.oursWithIo.median),
        fmtRatio(a.oursWithIo.median / a.ours.median),
        `${a.oursCheck.verified}/${a.set.points}`,
      ],
    ];
    if (a.openssl)
      rows.push([
        'OpenSSL pkeyutl -verify, 1 process per file (signature only)',
        fmtMs(a.openssl.ms),
        fmtMs(a.openssl.perFileMs),
        fmtRatio(a.openssl.ratioVsOurs),
        `${a.openssl.verified}/${a.set.points}`,
      ]);
    if (a.python) {
      rows.push([
        'Python cryptography, 1 process (wall, start-up included)',
        fmtMs(a.python.wallMs),
        per(a.python.wallMs),
        fmtRatio(a.python.ratioVsOurs),
        `${a.python.verified}/${a.set.points}`,
      ]);
      rows.push([
        '  inside the process (verify + JSON + sum)',
        fmtMs(a.python.innerMs),
        fmtMs(a.python.perFileMs),
        fmtRatio(a.python.innerMs / a.ours.median),
        '',
      ]);
    }
    out.push(table(['', 'total', 'per file', 'vs ours', 'verified'], rows));
    out.push(
      `ours: median of ${a.repeats} runs (min ${fmtMs(a.ours.min)}, max ${fmtMs(a.ours.max)}); refused ${a.oursCheck.refused}, kept ${a.oursCheck.kept}; ` +
        `OpenSSL files prepared in Node first (PAE + signature to files, ${fmtMs(a.openssl?.prepMs)}, not counted)`,
    );
    if (a.python)
      out.push(
        `Python's per-province totals equal ours: ${a.python.sameTotals ? 'yes' : 'NO'} (${a.python.version})`,
      );
    out.push(
      `target ours ≤ ${fmtMs(a.target.ms)}: ${a.target.met ? 'MET' : 'MISSED'} (${fmtMs(a.ours.median)}; with file reading and key loading ${fmtMs(a.oursWithIo.median)})`,
    );
    out.push(
      `by province: ${a.byProvince.map((p) => `${p.key} ${p.collected}/${p.cards} ${p.percent.toFixed(1)}%`).join(', ')}`,
    );
    out.push(
      `(setup, not measured: ${a.set.points} key pairs + payloads + signing in ${fmtMs(a.set.generateMs)})`,
    );
  }
  return out.join('\n');
}

function summaryDeskReports(
  desk: DeskResult | null,
  reports: ReportsResult | null,
  afterSizes: boolean,
): string[] {
  const rows: string[][] = [];
  if (desk) {
    rows.push([
      'handOut p99',
      fmtMs(desk.handOut.ours.p99),
      fmtMs(desk.handOut.floor.p99),
      fmtRatio(desk.handOut.ratio.p99),
      `≤ ${desk.handOut.target.p99Ms} ms ${desk.handOut.target.met ? 'MET' : 'MISSED'}`,
    ]);
    rows.push([
      `collectGroup (${desk.group.groupSize}) p95`,
      fmtMs(desk.group.ours.p95),
      fmtMs(desk.group.floor.p95),
      fmtRatio(desk.group.ratio.p95),
      '',
    ]);
  }
  const c = reports?.create;
  if (c)
    rows.push([
      `createReport (${Math.round(c.collected / 1000)}k of ${Math.round(c.cards / 1000)}k)`,
      fmtMs(c.createReport.median),
      fmtMs(c.floor.median),
      fmtRatio(c.ratio.createReportVsFloor),
      `≤ ${fmtMs(c.target.ms)} ${c.target.met ? 'MET' : 'MISSED'}`,
    ]);
  const a = reports?.aggregate;
  if (a) {
    if (a.openssl)
      rows.push([
        `verify+merge ${a.set.points} reports vs OpenSSL`,
        fmtMs(a.ours.median),
        fmtMs(a.openssl.ms),
        fmtRatio(a.ours.median / a.openssl.ms),
        `≤ ${fmtMs(a.target.ms)} ${a.target.met ? 'MET' : 'MISSED'}`,
      ]);
    if (a.python)
      rows.push([
        `verify+merge ${a.set.points} reports vs Python`,
        fmtMs(a.ours.median),
        fmtMs(a.python.wallMs),
        fmtRatio(a.ours.median / a.python.wallMs),
        '',
      ]);
  }
  if (rows.length === 0) return [];
  return [
    ...(afterSizes ? [''] : []),
    table(['desk / reports', 'ours', 'baseline', 'ours/baseline', 'target'], rows),
  ];
}

function libVersion(name: string): string {
  try {
    const file = path.resolve(import.meta.dirname, '..', 'node_modules', name, 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
