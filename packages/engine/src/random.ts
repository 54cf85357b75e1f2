/**
 * Seedable randomness for the engine. Nothing in the engine reads an ambient random source:
 * every draw comes from a {@link Random} built from a seed, so a run can be replayed exactly.
 */

/** A deterministic stream of pseudo-random numbers. */
export interface Random {
  /** A float uniformly drawn in [0, 1). */
  next(): number;
  /** An integer uniformly drawn in [0, n); `n` must be a positive integer. */
  int(n: number): number;
  /** A standard normal draw (mean 0, standard deviation 1). */
  normal(): number;
}

/**
 * The 32-bit finaliser of spec §6.4: spreads every input bit over the whole output so that
 * consecutive seeds give unrelated values.
 */
export function mix32(input: number): number {
  let x = input >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Combines two 32-bit values into one seed: `mix32((a + mix32(b)) mod 2³²)` (spec §6.4). */
export function mix(a: number, b: number): number {
  return mix32((a + mix32(b)) >>> 0);
}

/**
 * A small, fast generator (sfc32) seeded through {@link mix}, so that seeds 1, 2, 3 … start
 * from well-separated states. Period ≥ 2³²; good enough for simulation and exposure control,
 * not for cryptography.
 */
export function createRandom(seed: number, stream = 0): Random {
  let a = mix(seed >>> 0, stream);
  let b = mix(a, 0x9e3779b9);
  let c = mix(b, 0x85ebca6b);
  let d = 1;
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // Discard the first outputs: sfc32 needs a few rounds to decorrelate from its seed words.
  for (let i = 0; i < 12; i++) nextUint32();
  let spareNormal: number | undefined;
  const next = (): number => nextUint32() / 4294967296;
  return {
    next,
    int(n: number): number {
      return Math.floor(next() * n);
    },
    normal(): number {
      if (spareNormal !== undefined) {
        const value = spareNormal;
        spareNormal = undefined;
        return value;
      }
      // Box–Muller; 1 − u keeps the logarithm away from 0.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spareNormal = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
  };
}
