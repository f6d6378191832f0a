/**
 * The rule inventory as a Markdown table for docs/contracts.md: rule → checks → the (operation ×
 * status) pairs those checks reach. The reach is measured, not declared: the kit runs once against
 * the mock (seeded, on a manual clock, over node:http on port 0) with a token, a forbidden token and
 * mutations, and each check's result lists the answers it sent for or judged.
 */
import { createManualClock } from '../src/clocks.js';
import { createApi } from '../src/http/create-api.js';
import { startGesServer } from '../src/server/start-ges-server.js';
import { runContract } from '../contracts/run-contract.js';
import { ruleInventory, siteMatches } from '../contracts/rule-inventory.js';
import { specRuleSites } from '../contracts/spec-rule-sites.js';
import { specOperations } from '../src/spec/spec-examples.js';

/** The markers the table sits between in docs/contracts.md. */
export const RULE_TABLE_MARKERS = { start: '<!-- rule-inventory:start -->', end: '<!-- rule-inventory:end -->' } as const;

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

/** The table, with a summary line above it. */
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
    return `| \`${rule.id}\` | ${rule.level} | ${cell(rule.rule)}${cell(note)} | ${count} | ${checks} | ${formatPairs(pairs)} |`;
  });
  const checked = ruleInventory.filter((rule) => rule.checks.length > 0).length;
  return [
    `${ruleInventory.length} rules from ${sites.length} places in openapi.yaml (${sites.filter((s) => s.kind === 'constraint').length} schema constraints, ${sites.filter((s) => s.kind === 'sentence').length} description sentences); ${checked} judged by at least one check, ${ruleInventory.length - checked} not checkable from outside.`,
    '',
    '| rule | level | what the spec says | places | checks | (operation × status) reached |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The document with the text between the markers replaced by `table`; throws when the markers are missing. */
export function spliceRuleTable(document: string, table: string): string {
  const start = document.indexOf(RULE_TABLE_MARKERS.start);
  const end = document.indexOf(RULE_TABLE_MARKERS.end);
  if (start < 0 || end < start)
    throw new Error(`docs/contracts.md lacks the markers ${RULE_TABLE_MARKERS.start} … ${RULE_TABLE_MARKERS.end}`);
  return `${document.slice(0, start + RULE_TABLE_MARKERS.start.length)}\n${table}\n${document.slice(end)}`;
}
