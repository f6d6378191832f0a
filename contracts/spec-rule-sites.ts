/**
 * Every place where openapi.yaml states a rule, found by walking the spec itself: each schema
 * constraint (bounds, lengths, patterns, formats, enums, consts, required fields, item and property
 * counts, `oneOf` alternatives, `if`/`then` invariants) and each description sentence that states an
 * obligation or a documented behaviour (MUST/SHOULD, never/always/only, an equality, a documented
 * refusal, a unit, or a [doc]/[ex]/[decision] source tag). The rule inventory must account for every
 * site, so a rule added to the spec without an inventory entry fails a test.
 */
import { openapiDocument } from '../src/generated/openapi-document.js';

/** One place in the spec that states a rule. */
export interface SpecRuleSite {
  /**
   * Stable id: a JSON Pointer into the spec, then `/keyword` for a schema constraint, or
   * `#first-words-of-the-sentence` for a description sentence.
   */
  id: string;
  kind: 'constraint' | 'sentence';
  /** The constraint's value as JSON, or the sentence. */
  text: string;
}

/** Schema keywords that constrain a value (`type` alone is left to schema validation as a whole). */
const CONSTRAINT_KEYWORDS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'enum',
  'const',
  'required',
  'minItems',
  'maxItems',
  'minProperties',
  'oneOf',
  'if',
] as const;

/** Words that make a description sentence a rule. */
const NORMATIVE = [
  /\b(MUST|SHOULD)\b/,
  /\b(never|always|only|every|equals?|same|independent|byte for byte|microseconds|not before|has no|refused|accepted|is \*{0,2}40[0-9]|are 40[0-9]|is an? (array|empty object))\b/i,
  /\[(doc|ex|decision)\b|\(GES\.\d{4}\b|µs|≤|⇒| = /,
];

/** Keys under which the spec holds sample data, not rules. */
const NOT_RULES = new Set(['examples', 'example', 'x-ges-status-variants', 'servers', 'contact', 'license', 'tags']);

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** `#first-six-words` of a sentence, lower case, punctuation dropped. */
function sentenceKey(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .trim()
    .split(/\s+/)
    .slice(0, 6)
    .join('-');
}

/** The sentences of a description: each Markdown bullet on its own, then split at sentence ends. */
function sentencesOf(text: string): string[] {
  return text
    .split(/\n\s*\*\s+/)
    .flatMap((chunk) => chunk.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z`*([])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

function walk(node: unknown, pointer: string, out: SpecRuleSite[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      walk(item, `${pointer}/${i}`, out);
    });
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const object = node as Record<string, unknown>;
  const inSchema =
    /\/(schema|schemas\/[^/]+|properties\/[^/]+|items|allOf\/\d+|oneOf\/\d+)$/.test(pointer) || pointer.includes('/schemas/');
  for (const [key, value] of Object.entries(object)) {
    if (NOT_RULES.has(key)) continue;
    const here = `${pointer}/${escapePointer(key)}`;
    if (key === 'description' && typeof value === 'string') {
      const seen = new Set<string>();
      for (const sentence of sentencesOf(value)) {
        if (!NORMATIVE.some((pattern) => pattern.test(sentence))) continue;
        let id = `${here}#${sentenceKey(sentence)}`;
        for (let n = 2; seen.has(id); n++) id = `${here}#${sentenceKey(sentence)}-${n}`;
        seen.add(id);
        out.push({ id, kind: 'sentence', text: sentence });
      }
      continue;
    }
    if (inSchema && (CONSTRAINT_KEYWORDS as readonly string[]).includes(key) && !(key === 'required' && typeof value === 'boolean')) {
      out.push({ id: here, kind: 'constraint', text: JSON.stringify(value) });
      // An if/then pair is one invariant; its insides are not separate rules.
      if (key === 'if' || key === 'enum' || key === 'const' || key === 'required') continue;
    }
    if (key === 'then' || key === 'else') continue;
    if (key === 'required' && value === true && /\/(parameters\/[^/]+|requestBody)$/.test(pointer)) {
      out.push({ id: here, kind: 'constraint', text: 'true' });
      continue;
    }
    walk(value, here, out);
  }
}

/** `/paths/<path>/<method>` becomes the operationId, `/components/` is dropped: `listJobs/description#…`. */
function shortId(id: string, doc: Record<string, unknown>): string {
  const match = /^\/paths\/([^/]+)\/([a-z]+)(.*)$/.exec(id);
  if (match) {
    const path = (match[1] as string).replace(/~1/g, '/').replace(/~0/g, '~');
    const paths = doc.paths as Record<string, Record<string, { operationId?: string | undefined }>>;
    const operationId = paths[path]?.[match[2] as string]?.operationId;
    if (operationId) return `${operationId}${match[3]}`;
  }
  return id.replace(/^\/components\//, '');
}

/** Every rule site of openapi.yaml, in document order, with short ids. */
export function specRuleSites(document: unknown = openapiDocument): SpecRuleSite[] {
  const out: SpecRuleSite[] = [];
  const doc = document as Record<string, unknown>;
  walk(doc.paths, '/paths', out);
  walk(doc.components, '/components', out);
  return out.map((site) => ({ ...site, id: shortId(site.id, doc) }));
}
