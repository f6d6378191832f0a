/**
 * JSON.parse for text from outside (request bodies, fixture files): JSON.parse keeps `"__proto__"` as
 * an own property, which is harmless until someone copies it with Object.assign or a for-in merge;
 * dropping it here means no consumer of the value can be polluted. Throws what JSON.parse throws.
 */
const dropProtoKeys = (key: string, value: unknown) => (key === '__proto__' ? undefined : value);

/** Parses JSON text from outside, without `__proto__` keys. */
export function parseJson(text: string): unknown {
  return JSON.parse(text, dropProtoKeys);
}
