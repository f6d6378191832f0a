/**
 * Formats epoch milliseconds as `yyyy-MM-dd HH:mm:ss` in China time (UTC+8), the form of every GES
 * example (src/spec/read-job-time.ts reads it, and every other documented form, back). Pure arithmetic on the number: no Date.now(), no time-zone database.
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;
const ZERO = 48;

// Day prefixes repeat for thousands of jobs; caching them keeps seeding 100k jobs cheap.
const dayCodes = new Map<number, number[]>();

function dayCodesOf(day: number): number[] {
  let codes = dayCodes.get(day);
  if (codes === undefined) {
    // toISOString of a whole-day instant is only calendar arithmetic: deterministic and pure.
    const text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    codes = Array.from(text, (c) => c.charCodeAt(0));
    if (dayCodes.size > 10_000) dayCodes.clear();
    dayCodes.set(day, codes);
  }
  return codes;
}

/**
 * `2024-05-23 09:54:00` for 1716429240000: the GES list's time format, UTC+8. Built from char
 * codes so the result is one flat string (a template literal would leave a rope of small strings
 * behind every one of 100k seeded jobs).
 */
export function formatChinaTime(epochMs: number): string {
  const local = Math.floor(epochMs) + CHINA_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const secondsOfDay = Math.floor((local - day * DAY_MS) / 1000);
  const h = Math.floor(secondsOfDay / 3600);
  const m = Math.floor((secondsOfDay % 3600) / 60);
  const s = secondsOfDay % 60;
  const d = dayCodesOf(day);
  // Nineteen arguments, not apply(): the fastest way V8 offers to make a short flat string.
  return String.fromCharCode(
    d[0]!,
    d[1]!,
    d[2]!,
    d[3]!,
    d[4]!,
    d[5]!,
    d[6]!,
    d[7]!,
    d[8]!,
    d[9]!,
    32,
    ZERO + Math.floor(h / 10),
    ZERO + (h % 10),
    58,
    ZERO + Math.floor(m / 10),
    ZERO + (m % 10),
    58,
    ZERO + Math.floor(s / 10),
    ZERO + (s % 10),
  );
}
