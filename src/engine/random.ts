/**
 * A small seeded pseudo-random generator (sfc32) for the engine's bulk fields. Faker gives the
 * variety (words, names); this gives the volume: a faker UUID costs ~2.7 µs, too slow for 100k jobs
 * seeded in well under a second, while sfc32 draws a 32-bit word in a few nanoseconds.
 */

/** A deterministic stream of random values. Never Math.random. */
export interface Random {
  /** A uniform 32-bit unsigned integer. */
  uint32(): number;
  /** A uniform float in [0, 1). */
  float(): number;
  /** A uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn with the given (non-negative, not all zero) weights. */
  weighted(weights: readonly number[]): number;
  /** A random version-4 UUID, lowercase. */
  uuid(): string;
}

/**
 * Four 32-bit words from a string (cyrb128), used to seed generators from `(seed, graph, ...)` so
 * every stream is independent of the order in which graphs or projects are first touched.
 */
export function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Creates an sfc32 generator seeded from `text` (see hashSeed). */
export function createRandom(text: string): Random {
  let [a, b, c, d] = hashSeed(text);
  const uint32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up: the first outputs of sfc32 are correlated with the seed words.
  for (let i = 0; i < 15; i++) uint32();

  const float = (): number => uint32() / 4294967296;
  const int = (min: number, max: number): number => min + Math.floor(float() * (max - min + 1));
  const hex4 = (w: number): string =>
    HEX[(w >>> 24) & 255]! + HEX[(w >>> 16) & 255]! + HEX[(w >>> 8) & 255]! + HEX[w & 255]!;

  return {
    uint32,
    float,
    int,
    chance: (p) => float() < p,
    pick: (items) => items[Math.floor(float() * items.length)]!,
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let x = float() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i]!;
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
    uuid() {
      const w1 = uint32();
      const w2 = uint32();
      const w3 = ((uint32() & 0x3fffffff) | 0x80000000) >>> 0; // variant 10xx
      const w4 = uint32();
      const h1 = hex4(w1);
      const h2 = hex4(w2);
      const h3 = hex4(w3);
      const h4 = hex4(w4);
      // Version nibble 4 replaces the first hex digit of the third group.
      return `${h1}-${h2.slice(0, 4)}-4${h2.slice(5, 8)}-${h3.slice(0, 4)}-${h3.slice(4)}${h4}`;
    },
  };
}
