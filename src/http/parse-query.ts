/**
 * A small query-string reader. URLSearchParams would do, but it decodes every pair and cannot say
 * that an escape was malformed; this one decodes only what is asked for and reports bad escapes.
 */

/** A value that could not be percent-decoded. */
export const MALFORMED = Symbol('malformed');

/** Raw query values by (decoded) name; a name given twice has two entries. */
export type Query = Map<string, string[]>;

const decodeFormComponent = (text: string): string | typeof MALFORMED => {
  if (text.indexOf('%') === -1 && text.indexOf('+') === -1) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return MALFORMED;
  }
};

/** Parses `a=1&b=2` (without the `?`). */
export function parseQuery(search: string): Query {
  const query: Query = new Map();
  if (search === '') return query;
  for (const pair of search.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const name = decodeFormComponent(rawName);
    if (name === MALFORMED) continue; // a parameter nobody can name is one nobody reads
    const value = eq === -1 ? '' : pair.slice(eq + 1);
    const list = query.get(name);
    if (list) list.push(value);
    else query.set(name, [value]);
  }
  return query;
}

/**
 * One parameter's decoded value: undefined when absent, MALFORMED for a bad escape, 'repeated'
 * (as an object) when given more than once.
 */
export function readParam(query: Query, name: string): string | undefined | typeof MALFORMED | { repeated: true } {
  const list = query.get(name);
  if (!list) return undefined;
  if (list.length > 1) return { repeated: true };
  return decodeFormComponent(list[0]!);
}
