/**
 * Schema violations in the words of a report: where in the body (`jobs[3].progress`, not a JSON
 * Pointer), which rule in plain words ("must be an integer or a string"), and the value found there.
 */
import type { SchemaViolation } from '../src/spec/spec-validator.js';
import { showValue } from '../src/spec/job-facts.js';

/** A JSON Pointer into a body as a path a reader knows: `/jobs/3/progress` → `jobs[3].progress`. */
export function toBodyPath(pointer: string): string {
  if (pointer === '' || pointer === '/') return '(the body)';
  let path = '';
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(key)) path += `[${key}]`;
    else path += /^[A-Za-z_$][\w$]*$/.test(key) ? `${path === '' ? '' : '.'}${key}` : `[${JSON.stringify(key)}]`;
  }
  return path;
}

/** The value at a JSON Pointer of a body. */
export function valueAt(body: unknown, pointer: string): unknown {
  if (pointer === '/' || pointer === '') return body;
  let current: unknown = body;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    current = current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  }
  return current;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

const typeWords = (type: unknown) => (Array.isArray(type) ? type : [type]).map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');

/** One rule in words, e.g. "must be an integer" or "must be at most 100". */
function ruleInWords(violation: SchemaViolation): string {
  const p = violation.params;
  switch (violation.keyword) {
    case 'type':
      return `must be ${typeWords(p.type)}`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map(showValue).join(', ')}`;
    case 'const':
      return `must be ${showValue(p.allowedValue)}`;
    case 'minimum':
      return `must be at least ${String(p.limit)}`;
    case 'maximum':
      return `must be at most ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `must be more than ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `must be less than ${String(p.limit)}`;
    case 'minLength':
      return `must have at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `must have at most ${String(p.limit)} characters`;
    case 'minItems':
      return `must hold at least ${String(p.limit)} items`;
    case 'maxItems':
      return `must hold at most ${String(p.limit)} items`;
    case 'pattern':
      return `must match the pattern ${String(p.pattern)}`;
    case 'format':
      return `must be a ${String(p.format)}`;
    case 'minProperties':
      return `must have at least ${String(p.limit)} fields`;
    case 'maxProperties':
      return `must have at most ${String(p.limit)} fields`;
    default:
      return violation.message;
  }
}

/**
 * The violations of one body in words, one line per place: `jobs[3].progress: must be an integer or
 * must be a string (got true)`. The branches of a oneOf/anyOf at the same place are joined with "or".
 */
export function describeViolations(body: unknown, violations: readonly SchemaViolation[]): string[] {
  const byPlace = new Map<string, { types: string[]; rules: string[]; value: unknown; shown: boolean }>();
  const place = (path: string, value: unknown, shown = true) => {
    let entry = byPlace.get(path);
    if (!entry) {
      entry = { types: [], rules: [], value, shown };
      byPlace.set(path, entry);
    }
    return entry;
  };
  for (const violation of violations) {
    // "must match the then schema" only wraps the violations of the then branch, reported themselves.
    if (violation.keyword === 'if') continue;
    if (violation.keyword === 'required') {
      const field = String(violation.params.missingProperty);
      const pointer = `${violation.path === '/' ? '' : violation.path}/${field}`;
      place(toBodyPath(pointer), undefined, false).rules.push('is required but absent');
      continue;
    }
    if (violation.keyword === 'additionalProperties') {
      const field = String(violation.params.additionalProperty);
      const pointer = `${violation.path === '/' ? '' : violation.path}/${field}`;
      place(toBodyPath(pointer), valueAt(body, pointer)).rules.push('is a field the schema does not allow');
      continue;
    }
    const entry = place(toBodyPath(violation.path), valueAt(body, violation.path));
    if (violation.keyword === 'oneOf' || violation.keyword === 'anyOf') {
      if (entry.rules.length === 0) entry.rules.push('matches none of the allowed forms');
      continue;
    }
    if (violation.keyword === 'type') {
      // The branches of a oneOf each say their type: together they are one rule, "an integer or a string".
      const words = typeWords(violation.params.type);
      if (!entry.types.includes(words)) entry.types.push(words);
      continue;
    }
    const rule = ruleInWords(violation);
    if (!entry.rules.includes(rule)) entry.rules.push(rule);
  }
  return [...byPlace].map(([path, entry]) => {
    const rules = [...(entry.types.length > 0 ? [`must be ${entry.types.join(' or ')}`] : []), ...entry.rules];
    const shown = rules.length > 1 ? rules.filter((rule) => rule !== 'matches none of the allowed forms') : rules;
    const got = entry.shown ? ` (got ${showValue(entry.value)})` : '';
    return `${path}: ${shown.join('; ')}${got}`;
  });
}

/** A schema pointer of the spec as words: `#/components/schemas/JobList` → `the spec's JobList schema`. */
export function describeSchema(pointer: string): string {
  const name = /#\/components\/schemas\/([^/]+)$/.exec(pointer)?.[1];
  return name ? `the spec's ${name} schema` : "the spec's schema for this answer";
}
