/** What the kill rounds' parent and worker agree on. */

/** Cards per group collection: a school's pile, big enough that half of one would show. */
export const GROUP_SIZE = 10;

/**
 * A round takes at most this many cards, then says `idle` and waits to be killed: how much a
 * round gets through depends on the machine's speed, and the store's cards must last every round.
 */
export const CARDS_PER_ROUND = 250;

/** Batch of cards the worker never touches: the second desk of the SIGSTOP round uses them. */
export const RESERVE_BATCH = '2027-BIB-GENT-RESERVE';

/** What the worker does most: `import` starts with an import, `group` collects mostly groups. */
export type WorkerFocus = 'mixed' | 'import' | 'group';

/** A seeded PRNG, so a failing round can be replayed with its seed. */
export { seededRandom } from '../../src/shared/random/seededRandom';
