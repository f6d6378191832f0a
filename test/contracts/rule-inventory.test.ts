/**
 * The rule inventory accounts for every rule openapi.yaml states: each schema constraint and each
 * normative description sentence (specRuleSites) belongs to an inventory rule; each rule names checks
 * the kit declares, or says why none can judge it from outside; no entry points at a place the spec
 * no longer has. A spec that gains a rule without an entry fails here.
 */
import { describe, expect, test } from 'vitest';
import { contractChecks } from '../../contracts/contract-checks.js';
import { recordedChecks } from '../../contracts/har/recorded-checks.js';
import { ruleInventory, siteMatches } from '../../contracts/rule-inventory.js';
import { specRuleSites } from '../../contracts/spec-rule-sites.js';
import { readFile } from 'node:fs/promises';
import { openapiDocument } from '../../src/generated/openapi-document.js';
import { renderRuleTable, spliceRuleTable } from '../../scripts/rule-table.js';

const sites = specRuleSites();
const patterns = ruleInventory.flatMap((rule) => rule.sites.map((pattern) => ({ rule: rule.id, pattern })));

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

  test('the table in docs/contracts.md is the one the inventory and a run against the mock give (npm run gen:rules)', async () => {
    const docs = await readFile(new URL('../../docs/contracts.md', import.meta.url), 'utf8');
    expect(spliceRuleTable(docs, await renderRuleTable())).toBe(docs);
  });
});
