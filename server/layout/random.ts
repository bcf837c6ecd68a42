/** A small deterministic PRNG (mulberry32): the same seed always gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of every layout, so the same graph is always drawn the same way. */
export const LAYOUT_SEED = 20240521;

/**
 * Runs `work` with Math.random replaced by a seeded generator (layout libraries such as fcose read
 * Math.random directly), restoring it afterwards.
 */
export function withSeededMathRandom<T>(seed: number, work: () => T): T {
  const random = Math.random;
  Math.random = seededRandom(seed);
  try {
    return work();
  } finally {
    Math.random = random;
  }
}
