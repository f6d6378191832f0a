/**
 * Prism's controls: `Prefer: code=404, example=NoSuchApi` (or `__code` / `__example` query parameters
 * when there is no Prefer header) answer with the spec's documented example for the operation.
 */
import { getResponseExamples, getSpecOperation } from '../spec/spec-examples.js';
import type { OperationId } from '../types.js';
import { MALFORMED, readParam, type Query } from './parse-query.js';
import { httpErrors, type HttpError } from './to-ges-error.js';

/** What the caller prefers; either may be absent. */
export interface Preference {
  code?: string | undefined;
  example?: string | undefined;
}

const unquote = (value: string) => (value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);

/** Reads `code` and `example` from a Prefer header (`code=200, example=foo; dynamic=true`). */
export function parsePreferHeader(header: string | undefined): Preference | undefined {
  if (!header) return undefined;
  const preference: Preference = {};
  for (const part of header.split(/[,;]/)) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = unquote(part.slice(eq + 1).trim());
    if (key === 'code') preference.code = value;
    else if (key === 'example') preference.example = value;
  }
  return preference.code === undefined && preference.example === undefined ? undefined : preference;
}

/** Reads `__code` / `__example` query parameters. */
export function parsePreferQuery(query: Query): Preference | undefined {
  if (query.size === 0) return undefined;
  const preference: Preference = {};
  const code = readParam(query, '__code');
  const example = readParam(query, '__example');
  if (typeof code === 'string') preference.code = code;
  else if (code === MALFORMED || typeof code === 'object') preference.code = '';
  if (typeof example === 'string') preference.example = example;
  else if (example === MALFORMED || typeof example === 'object') preference.example = '';
  return preference.code === undefined && preference.example === undefined ? undefined : preference;
}

/** A documented example, ready to send. */
export interface ChosenExample {
  status: number;
  name: string;
  body: string;
}

interface OperationExamples {
  byStatus: Map<string, { name: string; body: string }[]>;
}

const cache = new Map<OperationId, OperationExamples>();

function examplesOf(operationId: OperationId): OperationExamples {
  let found = cache.get(operationId);
  if (!found) {
    const byStatus = new Map<string, { name: string; body: string }[]>();
    for (const status of getSpecOperation(operationId).statuses) {
      const examples = getResponseExamples(operationId, status).map(({ name, value }) => ({ name, body: JSON.stringify(value) }));
      if (examples.length > 0) byStatus.set(status, examples);
    }
    found = { byStatus };
    cache.set(operationId, found);
  }
  return found;
}

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}...` : text);

/** The example the preference names, or a 400 that lists what is documented. */
export function chooseExample(
  operationId: OperationId,
  preference: Preference,
): { ok: true; example: ChosenExample } | { ok: false; error: HttpError } {
  const { byStatus } = examplesOf(operationId);
  const { code, example } = preference;
  if (code !== undefined) {
    const examples = byStatus.get(code);
    if (!examples) {
      return {
        ok: false,
        error: httpErrors.malformed(
          `Prefer code=${clip(code)} is not documented for ${operationId}; documented: ${[...byStatus.keys()].join(', ')}.`,
        ),
      };
    }
    if (example === undefined) return { ok: true, example: { status: Number(code), ...examples[0]! } };
    const named = examples.find((candidate) => candidate.name === example);
    if (named) return { ok: true, example: { status: Number(code), ...named } };
    return {
      ok: false,
      error: httpErrors.malformed(
        `Prefer example=${clip(example)} is not documented for ${operationId} ${code}; documented: ${examples.map((e) => e.name).join(', ')}.`,
      ),
    };
  }
  for (const [status, examples] of byStatus) {
    const named = examples.find((candidate) => candidate.name === example);
    if (named) return { ok: true, example: { status: Number(status), ...named } };
  }
  const all = [...byStatus].flatMap(([status, examples]) => examples.map((e) => `${e.name} (${status})`));
  return {
    ok: false,
    error: httpErrors.malformed(
      `Prefer example=${clip(example ?? '')} is not documented for ${operationId}; documented: ${all.join(', ')}.`,
    ),
  };
}
