// One cold start of the core, in a fresh process: what runs before the first search answer.
// performance.now() counts from this process's start, so Node's own start-up is included.
const loadedAt = performance.now();
const { openStore } = await import('../src/main/store/openStore');
const { searchCards } = await import('../src/main/useCases/desk/searchCards');
const modulesAt = performance.now();
const opened = openStore(process.argv[2] as string);
if (!opened.ok) throw new Error(`store: ${opened.error}`);
const openedAt = performance.now();
const hits = searchCards(opened.value, process.argv[3] ?? 'peeters');
const answeredAt = performance.now();
process.stdout.write(
  `${JSON.stringify({
    nodeStartMs: loadedAt,
    modulesMs: modulesAt - loadedAt,
    openStoreMs: openedAt - modulesAt,
    firstSearchMs: answeredAt - openedAt,
    totalMs: answeredAt,
    hits: hits.length,
    rssMB: process.memoryUsage().rss / 2 ** 20,
  })}\n`,
);
opened.value.close();
export {};
