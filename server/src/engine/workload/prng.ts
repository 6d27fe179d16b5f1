// A small seeded pseudo-random generator (mulberry32) and the draws the workload expander needs.
// Deterministic on every platform: only 32-bit integer arithmetic feeds the uniform stream.

/** Returns a function giving uniform numbers in [0, 1), fully determined by `seed` (any integer). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes integers into one 32-bit seed (a murmur3-style finaliser per step), so nearby inputs give unrelated seeds. */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    // Fold the low and high 32 bits so large integers (and negatives) contribute fully.
    const low = part | 0;
    const high = Math.floor(part / 4294967296) | 0;
    for (const word of [low, high]) {
      h ^= word;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      h ^= h >>> 16;
    }
  }
  return h >>> 0;
}

/** A standard normal draw (Box–Muller, one value per two uniforms). */
export function standardNormal(uniform: () => number): number {
  // 1 - u keeps the logarithm's argument in (0, 1].
  const u1 = 1 - uniform();
  const u2 = uniform();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
