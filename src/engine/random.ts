/**
 * The kit's one seeded pseudo-random generator (sfc32): the engine's bulk fields, the fault
 * injector's draws and the randomized tests all use it. For the engine's data, faker gives the
 * variety (words, names); this gives the volume: a faker UUID costs ~2.7 µs, too slow for 100k jobs
 * seeded in well under a second, while sfc32 draws a 32-bit word in a few nanoseconds.
 */

/** A deterministic stream of random values. Never Math.random. */
export interface Random {
  /**
   * Restarts the stream from four seed words mixed with `index`: one stream per seeded job, so a
   * job comes out the same whichever job is built first.
   */
  reseed(words: readonly number[], index: number): void;
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
  /** A random version-4 UUID, lowercase, followed by `suffix` (GES appends nine digits). */
  uuid(suffix?: string): string;
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

// Lowercase hex digits as char codes: ids are built from codes into one flat string.
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const DASH = 45;
const uuidCodes: number[] = [
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  DASH,
  0,
  0,
  0,
  0,
  DASH,
  0,
  0,
  0,
  0,
  DASH,
  0,
  0,
  0,
  0,
  DASH,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
];
// One code buffer per suffix (a graph's nine digits), dashes and suffix written once.
const suffixCodes = new Map<string, number[]>();
function codesWithSuffix(suffix: string): number[] {
  const codes = [...uuidCodes, ...Array.from(suffix, (c) => c.charCodeAt(0))];
  if (suffixCodes.size > 1000) suffixCodes.clear();
  suffixCodes.set(suffix, codes);
  return codes;
}

/** Creates an sfc32 generator seeded from `text` (see hashSeed). */
export function createRandom(text: string): Random {
  // State in an Int32Array: uint32 values exceed the small-integer range, and typed-array slots
  // keep them unboxed.
  const state = Int32Array.from(hashSeed(text));
  const uint32 = (): number => {
    const a = state[0]!;
    const b = state[1]!;
    const c = state[2]!;
    const d = (state[3]! + 1) | 0;
    const t = (((a + b) | 0) + d) | 0;
    state[0] = b ^ (b >>> 9);
    state[1] = (c + (c << 3)) | 0;
    state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    state[3] = d;
    return t >>> 0;
  };
  // Warm up: the first outputs of sfc32 are correlated with the seed words.
  const warmUp = (): void => {
    for (let i = 0; i < 15; i++) uint32();
  };
  warmUp();

  const float = (): number => uint32() / 4294967296;
  const int = (min: number, max: number): number => min + Math.floor(float() * (max - min + 1));
  return {
    reseed(words, index) {
      state[0] = words[0]! ^ index;
      state[1] = words[1]! ^ Math.imul(index, 0x9e3779b9);
      state[2] = words[2]!;
      state[3] = (words[3]! + index) | 0;
      warmUp();
    },
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
    uuid(suffix = '') {
      // 8-4-4-4-12 hex digits; version nibble 4, variant bits 10. Built as char codes, one flat string.
      const codes = suffix.length === 0 ? uuidCodes : (suffixCodes.get(suffix) ?? codesWithSuffix(suffix));
      let at = 0;
      for (let w = 0; w < 4; w++) {
        let word = uint32();
        for (let k = 0; k < 8; k++) {
          if (at === 8 || at === 13 || at === 18 || at === 23) at++;
          codes[at++] = HEX_CODES[word & 15]!;
          word >>>= 4;
        }
      }
      codes[14] = 52; // '4'
      codes[19] = HEX_CODES[8 | ((codes[19]! <= 57 ? codes[19]! - 48 : codes[19]! - 87) & 3)]!;
      return String.fromCharCode.apply(null, codes);
    },
  };
}
