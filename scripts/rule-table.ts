/**
 * The rule inventory and the checks as Markdown tables for docs/contracts.md: rule → its level and
 * the evidence it rests on → checks → the (operation × status) pairs those checks reach; and each
 * check with its level and the rules it judges. The reach is measured, not declared: the kit runs once
 * against the mock (seeded, on a manual clock, over node:http on port 0) with a token, a forbidden
 * token and mutations, and each check's result lists the answers it sent for or judged.
 */
import { createManualClock } from '../src/clocks.js';
import { createApi } from '../src/http/create-api.js';
import { startGesServer } from '../src/server/start-ges-server.js';
import { contractChecks } from '../contracts/contract-checks.js';
import { citesPage, describeEvidence, type GesPage, gesPages } from '../contracts/ges-pages.js';
import { runContract } from '../contracts/run-contract.js';
import { ruleInventory, siteMatches } from '../contracts/rule-inventory.js';
import { specRuleSites } from '../contracts/spec-rule-sites.js';
import { specOperations } from '../src/spec/spec-examples.js';

/** The markers a generated table sits between in docs/contracts.md. */
export const RULE_TABLE_MARKERS = { start: '<!-- rule-inventory:start -->', end: '<!-- rule-inventory:end -->' } as const;
export const CHECK_TABLE_MARKERS = { start: '<!-- check-table:start -->', end: '<!-- check-table:end -->' } as const;
export const PAGE_TABLE_MARKERS = { start: '<!-- ges-pages:start -->', end: '<!-- ges-pages:end -->' } as const;

const PROJECT = '0123456789abcdef0123456789abcdef';
const TOKEN = 'rule-table-token';
const FORBIDDEN = 'rule-table-other-project';

/** Each check's reached pairs in one full run against the mock. */
async function measureReach(): Promise<Map<string, string[]>> {
  const api = createApi({ clock: createManualClock(), seed: 7, tokens: [TOKEN, `${FORBIDDEN}:fedcba9876543210fedcba9876543210`] });
  const server = await startGesServer({ api, port: 0 });
  try {
    const report = await runContract({
      baseUrl: server.url,
      projectId: PROJECT,
      graph: 'movie',
      token: TOKEN,
      forbiddenToken: FORBIDDEN,
      allowMutations: true,
      strict: true,
      jobWaitMs: 0, // a manual clock: the kit's own jobs never move on by themselves
    });
    return new Map(report.results.map((result) => [result.id, result.reached ?? []]));
  } finally {
    await server.close();
  }
}

/** `listJobs 200 400 · cancelJob 400`, in the spec's order of operations and statuses. */
function formatPairs(pairs: ReadonlySet<string>): string {
  const parts = specOperations.flatMap((operation) => {
    const statuses = operation.statuses.filter((status) => pairs.has(`${operation.operationId} ${status}`));
    return statuses.length > 0 ? [`${operation.operationId} ${statuses.join(' ')}`] : [];
  });
  return parts.length > 0 ? parts.join(' · ') : '—';
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** How many rules and pieces of evidence of each kind: the summary line above the table. */
export function evidenceCounts(): { must: number; should: number; says: number; shows: number; decisions: number; inferences: number } {
  const evidence = ruleInventory.flatMap((rule) => rule.evidence);
  return {
    must: ruleInventory.filter((rule) => rule.level === 'must').length,
    should: ruleInventory.filter((rule) => rule.level === 'should').length,
    says: evidence.filter((e) => 'says' in e).length,
    shows: evidence.filter((e) => 'shows' in e).length,
    decisions: evidence.filter((e) => 'decision' in e).length,
    inferences: evidence.filter((e) => 'inference' in e).length,
  };
}

/** The rule table, with a summary line above it. */
export async function renderRuleTable(): Promise<string> {
  const reach = await measureReach();
  const sites = specRuleSites();
  const rows = ruleInventory.map((rule) => {
    const count = sites.filter((site) => rule.sites.some((pattern) => siteMatches(pattern, site.id))).length;
    const pairs = new Set(rule.checks.flatMap((check) => reach.get(check) ?? []));
    const checks = rule.checks.length > 0 ? rule.checks.map((check) => `\`${check}\``).join(', ') : '—';
    const note = rule.notCheckable
      ? ` *${rule.checks.length > 0 ? 'Not wholly checkable' : 'Not checkable from outside'}: ${rule.notCheckable}.*`
      : '';
    // The pages first: they are what a MUST rests on.
    const evidence = [...rule.evidence.filter(citesPage), ...rule.evidence.filter((e) => !citesPage(e))].map(describeEvidence);
    return `| \`${rule.id}\` | ${rule.level} | ${cell(rule.rule)}${cell(note)} | ${evidence.map(cell).join('<br>')} | ${count} | ${checks} | ${formatPairs(pairs)} |`;
  });
  const checked = ruleInventory.filter((rule) => rule.checks.length > 0).length;
  const counts = evidenceCounts();
  return [
    `${ruleInventory.length} rules: ${counts.must} MUST (a GES page or a documented example states them), ${counts.should} SHOULD (this project's decisions and inferences); ${counts.says + counts.shows + counts.decisions + counts.inferences} pieces of evidence: ${counts.says} quotations of a page, ${counts.shows} documented examples, ${counts.decisions} decisions, ${counts.inferences} inferences. They account for ${sites.length} places in openapi.yaml (${sites.filter((s) => s.kind === 'constraint').length} schema constraints, ${sites.filter((s) => s.kind === 'sentence').length} description sentences); ${checked} are judged by at least one check, ${ruleInventory.length - checked} not checkable from outside.`,
    '',
    '| rule | level | the rule | evidence | places | checks | (operation × status) reached |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The check table: each check with its level (from the rules it judges), what holds when it passes, and those rules. */
export function renderCheckTable(): string {
  const rows = contractChecks.map((check) => {
    const rules = ruleInventory.filter((rule) => rule.checks.includes(check.id));
    const judged = rules.map((rule) => `\`${rule.id}\` (${rule.level})`).join(', ');
    return `| ${check.group} | \`${check.id}\` | ${check.level} | ${check.phase}${check.mutates ? ', mutates' : ''} | ${cell(check.description)} | ${judged} |`;
  });
  return ['| group | check | level | kind | holds when | rules it judges |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The page table: each GES page a rule cites, where to read it, and how many rules cite it. */
export function renderPageTable(): string {
  const rows = Object.entries(gesPages as Record<string, GesPage>).map(([id, page]) => {
    const citing = ruleInventory.filter((rule) => rule.evidence.some((e) => citesPage(e) && e.page === id)).length;
    const where = [page.url ? `<${page.url}>` : undefined, `\`${page.source}\``].filter(Boolean).join('<br>');
    return `| \`${id}\` | ${cell(page.title)} | ${where} | ${page.factBase} | ${citing} |`;
  });
  return ['| page | title | where to read it | fact base | rules citing it |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** The document with the text between `markers` replaced by `table`; throws when the markers are missing. */
export function spliceTable(document: string, table: string, markers: { start: string; end: string } = RULE_TABLE_MARKERS): string {
  const start = document.indexOf(markers.start);
  const end = document.indexOf(markers.end);
  if (start < 0 || end < start) throw new Error(`docs/contracts.md lacks the markers ${markers.start} … ${markers.end}`);
  return `${document.slice(0, start + markers.start.length)}\n${table}\n${document.slice(end)}`;
}

/** docs/contracts.md with its generated tables (rules, checks, pages) brought up to date. */
export async function spliceTables(document: string): Promise<string> {
  const withRules = spliceTable(document, await renderRuleTable());
  return spliceTable(spliceTable(withRules, renderCheckTable(), CHECK_TABLE_MARKERS), renderPageTable(), PAGE_TABLE_MARKERS);
}
