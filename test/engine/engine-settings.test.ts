import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { ENGINE_DEFAULTS, resolveSettings } from '../../src/engine/engine-settings.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The rows of the markdown table that follows `marker`, as cells. */
function tableAfter(text: string, marker: string): string[][] {
  const lines = text.slice(text.indexOf(marker)).split('\n').slice(1);
  const rows: string[][] = [];
  for (const line of lines) {
    if (!line.startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows.slice(2);
}

describe('engine settings', () => {
  it('fill in every default from ENGINE_DEFAULTS, and an engine made without settings runs with them', () => {
    expect(resolveSettings({})).toEqual({ ...ENGINE_DEFAULTS, graphs: [...ENGINE_DEFAULTS.graphs] });
    expect(createEngine({ clock: createManualClock() }).settings).toEqual(resolveSettings({}));
  });

  it('are documented in docs/engine.md with exactly these defaults', () => {
    const rows = tableAfter(read('docs/engine.md'), '<!-- engine-settings:');
    const documented = Object.fromEntries(rows.map(([setting, value]) => [setting!.replaceAll('`', ''), value!]));
    expect(Object.keys(documented).sort()).toEqual(Object.keys(ENGINE_DEFAULTS).sort());
    for (const [name, value] of Object.entries(ENGINE_DEFAULTS)) {
      const shown = Array.isArray(value) ? value.map((graph) => `\`${graph}\``).join(', ') : `\`${value}\``;
      expect(documented[name], name).toContain(shown);
    }
  });

  it('give ges-mock serve its defaults, as docs/mock-server.md lists them', () => {
    const rows = tableAfter(read('docs/mock-server.md'), '| flag | environment | default | meaning |');
    const defaultOf = (flag: string) => rows.find(([name]) => name!.includes(`--${flag} `) || name!.endsWith(`--${flag}\``))?.[2];
    expect(defaultOf('seed')).toBe(String(ENGINE_DEFAULTS.seed));
    expect(defaultOf('jobs')).toBe(String(ENGINE_DEFAULTS.jobsPerGraph));
    expect(defaultOf('graphs')).toBe(ENGINE_DEFAULTS.graphs.join(','));
    expect(defaultOf('max-jobs')).toBe(String(ENGINE_DEFAULTS.maxJobsPerGraph));
    expect(defaultOf('max-projects')).toBe(String(ENGINE_DEFAULTS.maxProjects));
    expect(defaultOf('max-stored-mb')).toBe(String(ENGINE_DEFAULTS.maxStoredBytes / 1024 / 1024));
    expect(defaultOf('profile')).toBe(ENGINE_DEFAULTS.profile);
  });
});
