// One cold start of the core, in a fresh process: what runs before the first search answer.
// performance.now() counts from this process's start, so Node's own start-up is included.
const loadedAt = performance.now();
const { openStore } = await import('../src/main/store/openStore');
const { createApiHandlers } = await import('../src/main/adapters/api/handlers');
const { systemClock } = await import('../src/shared/time/clock');
const modulesAt = performance.now();
const dbPath = process.argv[2] as string;
const opened = openStore(dbPath);
if (!opened.ok) throw new Error(`store: ${opened.error}`);
const openedAt = performance.now();
// As the desk's main process: the handlers (postcodes file and the rest load on first use).
const handlers = createApiHandlers(
  { db: opened.value, clock: systemClock, dbPath, backupDir: `${dbPath}-backups` },
  { postcodesFile: '/nonexistent/be-postcodes.csv', reportsDir: '/tmp', demoMode: false, version: 'probe' },
);
const handlersAt = performance.now();
const answer = (await handlers.search({ query: process.argv[3] ?? 'peeters', limit: 20 })) as {
  ok: boolean;
  value?: unknown[];
};
const answeredAt = performance.now();
process.stdout.write(
  `${JSON.stringify({
    nodeStartMs: loadedAt,
    modulesMs: modulesAt - loadedAt,
    openStoreMs: openedAt - modulesAt,
    handlersMs: handlersAt - openedAt,
    firstSearchMs: answeredAt - handlersAt,
    totalMs: answeredAt,
    coreMs: answeredAt - loadedAt,
    hits: answer.ok ? (answer.value?.length ?? 0) : -1,
    rssMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
opened.value.close();
export {};
