/**
 * Formats epoch milliseconds as `yyyy-MM-dd HH:mm:ss` in China time (UTC+8), the form of every GES
 * example. Pure arithmetic on the number: no Date.now(), no time-zone database, no locale.
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;

// Day prefixes repeat for thousands of jobs; caching them keeps seeding 100k jobs cheap.
const dayPrefixes = new Map<number, string>();

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function dayPrefix(day: number): string {
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    // toISOString of a whole-day instant is deterministic; it is only the calendar arithmetic.
    prefix = `${new Date(day * DAY_MS).toISOString().slice(0, 10)} `;
    if (dayPrefixes.size > 10_000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  return prefix;
}

/** `2024-05-23 09:54:00` for 1716429240000: the GES list's time format, UTC+8. */
export function formatChinaTime(epochMs: number): string {
  const local = Math.floor(epochMs) + CHINA_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const secondsOfDay = Math.floor((local - day * DAY_MS) / 1000);
  const h = Math.floor(secondsOfDay / 3600);
  const m = Math.floor((secondsOfDay % 3600) / 60);
  const s = secondsOfDay % 60;
  return `${dayPrefix(day)}${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}
