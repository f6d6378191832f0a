/**
 * Test helper: fast-check arbitraries for hostile HTTP requests against the GES routes: odd path
 * segments, repeated and malformed query parameters, wrong content types, broken and huge JSON.
 * Shared by the in-process and the socket fuzzers.
 */
import fc from 'fast-check';
import { looksInternal } from './spec-oracle.js';

/** The project every test uses (32 hex digits, like real ones). */
export const PROJECT = '0123456789abcdef0123456789abcdef';

/** 1 MiB: bodies above it must be refused. */
export const ONE_MIB = 1024 * 1024;

const PROTO_NAMES = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__'];

/** One path segment, raw (as it appears in the request target). Never contains '?' or '#'. */
const oddSegment: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: fc.constantFrom(PROJECT, 'p1', 'movie', 'social_network', 'supply_chain', 'abcd', 'Graph_9') },
    { weight: 3, arbitrary: fc.constantFrom(...PROTO_NAMES, '%5F%5Fproto%5F%5F') },
    { weight: 2, arbitrary: fc.constantFrom('', '.', '..', '%2e', '%2E%2E', '...') },
    {
      weight: 2,
      arbitrary: fc.constantFrom('a'.repeat(64), 'a'.repeat(65), 'm'.repeat(50), 'm'.repeat(51), 'x'.repeat(5000), '1'.repeat(300)),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '%',
        '%Z',
        '%ZZ',
        '%E0%A4%A',
        '%C0%AF',
        '%FF',
        '%00',
        '%2F',
        '%2f',
        'mo%2Fvie',
        '%252F',
        'movie%00',
        '%u0041',
        'mo%vie',
      ),
    },
    { weight: 2, arbitrary: fc.constantFrom('グラフ', 'movie\u00e9', '\u{1F600}', 'ＭＯＶＩＥ', '\u202Emovie') },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }).map((text) => encodeURIComponent(text)) },
    { weight: 2, arbitrary: fc.string({ maxLength: 20 }).map((text) => text.replace(/[?#/%\s]/g, '')) },
  )
  .filter((segment) => !looksInternal(decodeURIComponentSafe(segment)));

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const QUERY_NAMES = ['limit', 'offset', 'action_id', 'limit', 'offset', 'LIMIT', 'lim%69t', 'limit[]', '', '%ZZ', 'x'];
const QUERY_VALUES = [
  '',
  '0',
  '1',
  '2',
  '100000',
  '100001',
  '1e3',
  '-0',
  '-1',
  '+1',
  '1.0',
  '0x10',
  '%201',
  '99999999999999999999',
  '2147483647',
  '2147483648',
  '9'.repeat(400),
  'NaN',
  'Infinity',
  '%ZZ',
  '%',
  'execute-algorithm',
  'execute%2Dalgorithm',
  '__proto__',
];

const queryValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...QUERY_VALUES) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 200_000 }).map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((text) => encodeURIComponent(text)) },
);

/** limit and/or offset, sometimes twice, sometimes with a stray pair, in any order. */
const pageQuery: fc.Arbitrary<string> = fc
  .record({
    limit: fc.option(queryValue, { nil: undefined }),
    offset: fc.option(queryValue, { nil: undefined }),
    repeat: fc.option(fc.tuple(fc.constantFrom('limit', 'offset'), queryValue), { freq: 4, nil: undefined }),
    stray: fc.option(fc.constantFrom('x=1', '&', '=', 'limit', 'LIMIT=5', 'lim%69t=1', '%ZZ=1', 'a=b=c'), { freq: 4, nil: undefined }),
    reversed: fc.boolean(),
  })
  .map(({ limit, offset, repeat, stray, reversed }) => {
    const pairs = [...(limit !== undefined ? [`limit=${limit}`] : []), ...(offset !== undefined ? [`offset=${offset}`] : [])];
    if (reversed) pairs.reverse();
    if (repeat) pairs.push(`${repeat[0]}=${repeat[1]}`);
    if (stray) pairs.splice(pairs.length > 0 ? 1 : 0, 0, stray);
    return pairs.join('&');
  });

/** A query string without the '?' (possibly empty), with repeated, empty and malformed pairs. */
export const oddQuery: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: pageQuery },
  {
    weight: 1,
    arbitrary: fc
      .array(
        fc.oneof(
          { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...QUERY_NAMES), queryValue).map(([name, value]) => `${name}=${value}`) },
          { weight: 1, arbitrary: fc.constantFrom('limit', 'offset', '=', '==', '&', 'limit==1', 'a=b=c') },
          { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((text) => encodeURIComponent(text)) },
        ),
        { maxLength: 5 },
      )
      .map((pairs) => pairs.join('&')),
  },
);

/** A request method, mostly the API's own, sometimes strange. */
export const oddMethod: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'HEAD', 'OPTIONS') },
  { weight: 1, arbitrary: fc.constantFrom('get', 'TRACE', 'PROPFIND', 'PURGE', 'X-CUSTOM') },
);

/** A Content-Type header, or none. */
export const oddContentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  undefined,
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonp',
  'application/json-patch+json',
  '',
  ';;;',
);

/** Nesting that stack-based code would choke on: `depth` arrays in an object. */
export const deeplyNested = (depth: number) =>
  `{"algorithmName":"pagerank","parameters":{"deep":${'['.repeat(depth)}${']'.repeat(depth)}}}`;

/** Bodies that must never hurt: broken JSON, non-objects, deep nesting, prototype keys, valid submissions. */
export const oddBody: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '{"algorithmName":"pagerank"}',
      '{"algorithmName":"shortest_path","parameters":{"source":"1","target":"2"}}',
      '{"algorithmName":"kcore","parameters":{"k":3}}',
      '{"algorithmName":"louvain","parameters":{}}',
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      '{',
      '{"algorithmName":',
      'nul',
      '\u0000',
      '\ufeff{"algorithmName":"pagerank"}',
      '[]',
      '1',
      '"pagerank"',
      'null',
      'true',
      '{"algorithmName":null}',
      '{"algorithmName":["pagerank"]}',
      '{"algorithmName":{"toString":"x"}}',
      '{"algorithmName":"toString"}',
      '{"algorithmName":"__proto__"}',
      '{"algorithmName":"constructor"}',
      '{"algorithmName":"pagerank","parameters":"x"}',
      '{"algorithmName":"pagerank","parameters":[1]}',
      '{"algorithmName":"shortest_path","parameters":{"source":{"__proto__":1}}}',
      '{"algorithmName":"pagerank","algorithmName":"kcore"}',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '{"__proto__":{"polluted":true},"algorithmName":"pagerank"}',
      '{"algorithmName":"pagerank","parameters":{"__proto__":{"polluted":true}}}',
      '{"constructor":{"prototype":{"polluted":true}},"algorithmName":"pagerank","parameters":{"constructor":{"prototype":{"polluted":true}}}}',
      '{"algorithmName":"shortest_path","parameters":{"source":"1","target":"2","__proto__":{"polluted":true}}}',
      '{"algorithmName":"pagerank","parameters":{"source":{"toString":1},"sources":[{"valueOf":1}]}}',
      '{"algorithmName":{"toString":1}}',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(deeplyNested(50), deeplyNested(5_000), deeplyNested(100_000), '['.repeat(200_000)) },
  { weight: 2, arbitrary: fc.json({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
);

/** An oversized body: just over 1 MiB, in ASCII or in multi-byte UTF-8 (limits count bytes). */
export const oversizedBody: fc.Arbitrary<string> = fc.constantFrom(
  `{"algorithmName":"pagerank","pad":"${'x'.repeat(ONE_MIB)}"}`,
  `{"algorithmName":"pagerank","pad":"${'é'.repeat(ONE_MIB / 2 + 1)}"}`,
  `[${'1,'.repeat(ONE_MIB / 2)}1]`,
);

/** Where a request goes: an operation's path shape with raw segments, or a free-form path. */
export interface OddTarget {
  shape: 'list' | 'status' | 'cancel' | 'action' | 'control' | 'free';
  project: string;
  graph: string;
  /** A raw job id segment, or an index into the caller's pool of real job ids. */
  job: string | { known: number };
  extra: string[];
  trailingSlash: boolean;
  doubleSlash: boolean;
}

const mostlyValid = (valid: string) => fc.oneof({ weight: 4, arbitrary: fc.constant(valid) }, { weight: 1, arbitrary: oddSegment });

/** A slash too many is one odd part among many: rare, so the rest of the request gets exercised. */
const rarely = fc.integer({ min: 0, max: 19 }).map((n) => n === 0);

/** Request targets: mostly well-formed operations (so 200s are reached), often with one odd part. */
export const oddTarget: fc.Arbitrary<OddTarget> = fc.record({
  shape: fc.constantFrom('list', 'list', 'status', 'cancel', 'action', 'action', 'control', 'free'),
  project: mostlyValid(PROJECT),
  graph: mostlyValid('movie'),
  job: fc.oneof({ weight: 3, arbitrary: fc.nat().map((known) => ({ known })) }, { weight: 1, arbitrary: oddSegment }),
  extra: fc.array(oddSegment, { maxLength: 3 }),
  trailingSlash: rarely,
  doubleSlash: rarely,
});

/** The raw path of a target; `pool` holds real job ids for `{known}`. */
export function buildPath(target: OddTarget, pool: readonly string[]): string {
  const { project, graph } = target;
  const job = typeof target.job === 'string' ? target.job : encodeURIComponent(pool[target.job.known % pool.length] ?? 'nojob');
  let path: string;
  switch (target.shape) {
    case 'list':
      path = `/ges/v1.0/${project}/graphs/${graph}/jobs/status`;
      break;
    case 'status':
      path = `/ges/v1.0/${project}/graphs/${graph}/jobs/${job}/status`;
      break;
    case 'cancel':
      path = `/ges/v1.0/${project}/graphs/${graph}/jobs/${job}`;
      break;
    case 'action':
      path = `/ges/v1.0/${project}/graphs/${graph}/action`;
      break;
    case 'control':
      path = `/__mock/${['state', 'faults', 'clock', 'reset', '', 'nope', project][target.extra.length * 2 + (target.doubleSlash ? 1 : 0)] ?? 'state'}`;
      return path;
    default:
      return `/${[project, graph, ...target.extra].join('/')}`;
  }
  if (target.trailingSlash) path += '/';
  if (target.doubleSlash) path = path.replace('/graphs/', '//graphs/');
  return path;
}
