/**
 * The rule inventory accounts for every rule openapi.yaml states: each schema constraint and each
 * normative description sentence (specRuleSites) belongs to an inventory rule; each rule names checks
 * the kit declares, or says why none can judge it from outside; no entry points at a place the spec
 * no longer has. A spec that gains a rule without an entry fails here. Every rule carries its
 * evidence, and its level follows from it: MUST only where a GES page or a documented example states
 * it, with the page and the words; a decision or an inference is SHOULD, with its reason.
 */
import { describe, expect, test } from 'vitest';
import { contractChecks } from '../../contracts/contract-checks.js';
import { citesPage, gesPages, levelOf } from '../../contracts/ges-pages.js';
import { recordedChecks } from '../../contracts/har/recorded-checks.js';
import { levelOfCheck, ruleInventory, siteMatches } from '../../contracts/rule-inventory.js';
import { specRuleSites } from '../../contracts/spec-rule-sites.js';
import { readFile } from 'node:fs/promises';
import { openapiDocument } from '../../src/generated/openapi-document.js';
import { spliceTables } from '../../scripts/rule-table.js';

const sites = specRuleSites();
const patterns = ruleInventory.flatMap((rule) => rule.sites.map((pattern) => ({ rule: rule.id, pattern })));

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the evidence of the rules', () => {
  test('a MUST rule rests on a GES page: the page is one the kit knows, and the words or the example are given', () => {
    const must = ruleInventory.filter((rule) => rule.level === 'must');
    expect(must.length).toBeGreaterThan(30);
    for (const rule of must) {
      const pages = rule.evidence.filter(citesPage);
      expect(pages.length, `${rule.id} is MUST without page evidence`).toBeGreaterThan(0);
      for (const evidence of pages) {
        expect(Object.keys(gesPages), rule.id).toContain(evidence.page);
        expect(('says' in evidence ? evidence.says : evidence.shows).trim(), rule.id).not.toBe('');
      }
    }
  });

  test('a rule without page evidence is SHOULD, and says why: the decision or the inference', () => {
    for (const rule of ruleInventory) {
      expect(rule.level, rule.id).toBe(levelOf(rule.evidence));
      if (rule.level === 'must') continue;
      expect(rule.evidence.length, rule.id).toBeGreaterThan(0);
      for (const evidence of rule.evidence) {
        const reason = 'decision' in evidence ? evidence.decision : 'inference' in evidence ? evidence.inference : '';
        expect(reason.trim(), rule.id).not.toBe('');
      }
    }
    // The level is computed, not written: a rule that cites no page cannot be MUST.
    expect(levelOf([{ decision: 'ours' }])).toBe('should');
    expect(levelOf([{ inference: 'read between the lines' }, { page: 'list-jobs', shows: 'an example' }])).toBe('must');
  });

  test("the words quoted from the seed page are the page's own", async () => {
    const page = normalise(await readFile(new URL('../../docs/reference/listing-jobs-2.2.13.txt', import.meta.url), 'utf8'));
    const quotes = ruleInventory.flatMap((rule) =>
      rule.evidence.flatMap((evidence) =>
        'says' in evidence && evidence.page === 'list-jobs' ? [{ rule: rule.id, says: evidence.says }] : [],
      ),
    );
    expect(quotes.length).toBeGreaterThan(10);
    for (const { rule, says } of quotes) expect(page, `${rule}: “${says}”`).toContain(normalise(says));
  });

  test('the words of pages known through the fact base are in it (docs/reference/ges-pages-evidence.md)', async () => {
    const factBase = normalise(
      (await readFile(new URL('../../docs/reference/ges-pages-evidence.md', import.meta.url), 'utf8')).replace(/[`*]/g, ''),
    );
    const viaFactBase = Object.entries(gesPages)
      .filter(([, page]) => page.source.startsWith('docs/reference/ges-pages-evidence.md'))
      .map(([id]) => id);
    const quotes = ruleInventory.flatMap((rule) =>
      rule.evidence.flatMap((evidence) =>
        'says' in evidence && viaFactBase.includes(evidence.page) ? [{ rule: rule.id, says: evidence.says }] : [],
      ),
    );
    expect(quotes.length).toBeGreaterThan(0);
    for (const { rule, says } of quotes) expect(factBase, `${rule}: “${says}”`).toContain(normalise(says));
  });

  test('the words of the pages of the APIs that create jobs are in their fact base (docs/reference/ges-async-apis.md)', async () => {
    // Whitespace aside: the fact base wraps its lines, also inside the Chinese quotations.
    const squash = (text: string) => text.replace(/[`*]/g, '').replace(/\s+/g, '');
    const factBase = squash(await readFile(new URL('../../docs/reference/ges-async-apis.md', import.meta.url), 'utf8'));
    const viaFactBase = Object.entries(gesPages)
      .filter(([, page]) => page.factBase.startsWith('ges-async-apis.md'))
      .map(([id]) => id);
    expect(viaFactBase).toContain('cancel-job-2025');
    const quotes = ruleInventory.flatMap((rule) =>
      rule.evidence.flatMap((evidence) =>
        'says' in evidence && viaFactBase.includes(evidence.page) ? [{ rule: rule.id, says: evidence.says }] : [],
      ),
    );
    expect(quotes.length).toBeGreaterThan(20);
    for (const { rule, says } of quotes) expect(factBase, `${rule}: “${says}”`).toContain(squash(says));
  });

  test('where the cancel pages disagree, the rule cites both and the spec follows the newest as a SHOULD', () => {
    const canStop = ruleInventory.find((rule) => rule.id === 'job.cancellable-can-stop');
    const cited = canStop?.evidence.filter(citesPage).map((evidence) => evidence.page);
    expect(cited).toEqual(expect.arrayContaining(['cancel-job', 'cancel-job-2024', 'cancel-job-2025']));
    expect(canStop?.level).toBe('must');
    expect(ruleInventory.find((rule) => rule.id === 'job.cancellable-newest')?.level).toBe('should');
  });

  test("a check's level follows from the rules it judges: MUST when one of them rests on a page", () => {
    for (const check of [...contractChecks, ...recordedChecks]) {
      expect(check.level, check.id).toBe(levelOfCheck(check.id));
      const rules = ruleInventory.filter((rule) => rule.checks.includes(check.id));
      expect(rules.length, `no rule names ${check.id}`).toBeGreaterThan(0);
    }
    expect(() => levelOfCheck('no_such_check')).toThrow('no rule of the inventory names the check no_such_check');
  });
});

describe('the rule inventory', () => {
  test('finds the rules of the spec: constraints and normative sentences', () => {
    expect(sites.filter((site) => site.kind === 'constraint').length).toBeGreaterThan(50);
    expect(sites.filter((site) => site.kind === 'sentence').length).toBeGreaterThan(50);
    expect(new Set(sites.map((site) => site.id)).size).toBe(sites.length);
  });

  test('every rule the spec states belongs to an inventory entry', () => {
    const orphans = sites.filter((site) => !patterns.some(({ pattern }) => siteMatches(pattern, site.id)));
    expect(orphans.map((site) => `${site.id}  (${site.text.slice(0, 80)})`)).toEqual([]);
  });

  test('no entry points at a place the spec does not have', () => {
    const stale = patterns.filter(({ pattern }) => !sites.some((site) => siteMatches(pattern, site.id)));
    expect(stale).toEqual([]);
  });

  test('every rule has an id of its own and a check the kit declares, or says why none can judge it', () => {
    const known = new Set([...contractChecks, ...recordedChecks].map((check) => check.id));
    expect(new Set(ruleInventory.map((rule) => rule.id)).size).toBe(ruleInventory.length);
    for (const rule of ruleInventory) {
      expect(rule.checks.length > 0 || (rule.notCheckable ?? '') !== '', rule.id).toBe(true);
      for (const check of rule.checks) expect(known, `${rule.id} names ${check}`).toContain(check);
    }
  });

  test('a spec that gains a rule fails until the inventory has it', () => {
    const grown = structuredClone(openapiDocument) as unknown as {
      components: { schemas: { JobCreated: { properties: Record<string, Record<string, unknown>> } } };
    };
    const { properties } = grown.components.schemas.JobCreated;
    properties.jobId = { ...properties.jobId, maxLength: 64 };
    properties.jobType = { ...properties.jobType, description: '1 for an algorithm job. It MUST be 1 or 2.' };
    const extra = specRuleSites(grown).filter((site) => !patterns.some(({ pattern }) => siteMatches(pattern, site.id)));
    expect(extra.map((site) => site.id)).toEqual([
      'schemas/JobCreated/properties/jobId/maxLength',
      'schemas/JobCreated/properties/jobType/description#it-must-be-1-or-2',
    ]);
  });

  test('the generated tables of docs/contracts.md (rules, checks, pages) are the ones the inventory and a run against the mock give (npm run gen:rules)', async () => {
    const docs = await readFile(new URL('../../docs/contracts.md', import.meta.url), 'utf8');
    expect(await spliceTables(docs)).toBe(docs);
  });
});
