/** A seeded random number in [0, 1): the same seed gives the same sequence (demo data, benches, fuzzing, kill plans). */
export type SeededRandom = () => number;

/** mulberry32: tiny, fast and good enough for demo data and tests; never for anything secret. */
export function seededRandom(seed: number): SeededRandom {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
