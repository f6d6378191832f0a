/**
 * The soak script in short (about 3 s, a small cap so eviction happens): its report has the promised
 * shape, and nothing is lost or broken. No timed assertion: only counts and invariants.
 */
import { describe, expect, it } from 'vitest';
import { renderSoakSection, replaceSoakSection, runSoak } from '../../bench/soak.js';

describe('npm run soak, short', () => {
  it('reports requests, statuses, RSS and jobs, with no 5xx, no violation and no job lost', async () => {
    const report = await runSoak({ seconds: 3, concurrency: 8, maxJobs: 70 });
    expect(report).toMatchObject({
      seconds: 3,
      concurrency: 8,
      maxJobs: 70,
      fiveXxSeen: 0,
      networkErrors: 0,
      contractViolations: 0,
      jobsLost: 0,
      phantomOrDuplicateJobs: 0,
    });
    expect(report.violationSamples).toEqual([]);
    expect(report.requestsTried).toBeGreaterThan(0);
    expect(report.submissionsAccepted).toBeGreaterThan(0);
    expect(Object.keys(report.byStatus)).toEqual(expect.arrayContaining(['200', '204', '400']));
    // 4 working projects x 3 graphs, each within its cap, plus the seeded 60 of each fresh read-only project kept.
    expect(report.jobsHeldAtEnd).toBeLessThanOrEqual(4 * 3 * 70 + Math.min(report.freshProjectsRead, 1000) * 60);
    for (const rss of [report.rssStartMb, report.rssPeakMb, report.rssEndMb]) expect(Number.isNaN(rss) || rss > 0).toBe(true); // NaN where there is no /proc
    expect(report.rssPeakMb >= report.rssStartMb || Number.isNaN(report.rssStartMb)).toBe(true);

    const section = renderSoakSection(report, 'npm run soak -- --seconds 3');
    expect(section).toMatch(/^<!-- hardening:start -->\n## Hardening\n/);
    expect(section).toMatch(/\| \*\*jobs lost\*\* \| \*\*0\*\* \|/);
  });

  it('replaces only its own section of RESULTS.md, or appends one', () => {
    const mine = '<!-- hardening:start -->\n## Hardening\nnew\n<!-- hardening:end -->';
    const others = '# Benchmark results\n\n## Throughput\nE owns this.\n';
    expect(replaceSoakSection(others, mine)).toBe(`${others}\n${mine}\n`);
    const withOld = `${others}\n<!-- hardening:start -->\nold\n<!-- hardening:end -->\n\n## Later\nalso E's\n`;
    expect(replaceSoakSection(withOld, mine)).toBe(`${others}\n${mine}\n\n## Later\nalso E's\n`);
    expect(replaceSoakSection('', mine)).toBe(`${mine}\n`);
  });
});
