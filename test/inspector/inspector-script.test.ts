/**
 * The inspector's browser script (src/inspector/inspector-script.ts): its pure logic, and that the
 * page inlines the compiled form of exactly that file (the browser suite in test/e2e runs it).
 */
import { describe, expect, it } from 'vitest';
import { INSPECTOR_SCRIPT } from '../../src/generated/inspector-script.js';
import { renderInspectorPage } from '../../src/inspector/inspector-page.js';
import {
  chooseProject,
  formatNow,
  graphsToShow,
  isMissingGraph,
  jobsUrl,
  progressValue,
  refusalReason,
} from '../../src/inspector/inspector-script.js';
import { renderInspectorScript } from '../../scripts/build-inspector-script.js';

const graph = (project: string, name: string) => ({ project, graph: name, jobCount: 1, byStatus: { success: 1 } });

describe('the inspector script', () => {
  it('shows the virtual time as China time, as the lists do', () => {
    expect(formatNow(Date.parse('2024-05-23T02:00:00Z'))).toBe('2024-05-23 10:00:00 (UTC+8)');
  });

  it('reads progress as a bar width from 0 to 100', () => {
    expect([progressValue('40'), progressValue('250'), progressValue('-3'), progressValue('n/a'), progressValue(undefined)]).toEqual([
      40, 100, 0, 0, 0,
    ]);
  });

  it('words a refusal by its GES envelope, else by its status', () => {
    expect(refusalReason(401, { errorCode: 'GES.8007', errorMessage: 'Invalid token.' })).toBe('GES.8007: Invalid token.');
    expect(refusalReason(502, null)).toBe('HTTP 502');
  });

  it('leaves out a default graph the mock does not have, but shows other failures', () => {
    expect(isMissingGraph({ error: new Error('GES.8000: The graph does not exist.') })).toBe(true);
    expect(isMissingGraph({ error: new Error('GES.8007: Invalid token.') })).toBe(false);
    expect(isMissingGraph({ value: { jobs: [], jobCount: 0 } })).toBe(false);
  });

  it('opens the chosen project, else the first the engine holds, else the default, and always offers it', () => {
    const state = { now: 0, graphs: [graph('p1', 'movie'), graph('p2', 'roads'), graph('p1', 'roads')] };
    expect(chooseProject(state, null, 'dflt')).toEqual({ projects: ['p1', 'p2'], selected: 'p1' });
    expect(chooseProject(state, 'p9', 'dflt')).toEqual({ projects: ['p1', 'p2', 'p9'], selected: 'p9' });
    expect(chooseProject({ now: 0, graphs: [] }, null, 'dflt')).toEqual({ projects: ['dflt'], selected: 'dflt' });
  });

  it("lists a project's touched graphs first, then every configured one", () => {
    const state = { now: 0, graphs: [graph('p1', 'roads'), graph('p2', 'social_network')], graphNames: ['movie', 'roads'] };
    expect(graphsToShow(state, 'p1', ['ignored'])).toEqual(['roads', 'movie']);
    expect(graphsToShow({ now: 0, graphs: [] }, 'p1', ['movie'])).toEqual(['movie']);
    expect(jobsUrl('p 1', 'movie', 15)).toBe('/ges/v1.0/p%201/graphs/movie/jobs/status?limit=15&offset=0');
  });

  it('is inlined in the page compiled from that file, as one classic script that starts the inspector', async () => {
    expect(await renderInspectorScript()).toContain(JSON.stringify('function formatNow(ms) {'));
    expect(renderInspectorPage()).toContain(`<script>${INSPECTOR_SCRIPT}</script>`);
    expect(INSPECTOR_SCRIPT).toMatch(/startInspector\(\);\n\}\)\(\);\n$/);
    expect(INSPECTOR_SCRIPT).not.toMatch(/^\s*(?:import|export)\b/m);
    expect(() => new Function(INSPECTOR_SCRIPT)).not.toThrow(); // parses as a classic script
  });
});
