/**
 * What the inspector's first paint shows, read on the server from the mock itself: the worlds, the
 * chosen world's clock and graphs with their counts, and the page of the chosen graph's jobs the URL
 * asks for (filters applied), so the page never paints empty. The same choices as the browser
 * script's, from the same functions (inspector-model.ts).
 */
import { graphNamePattern, projectIdPattern } from '../spec/spec-facts.js';
import type { Job } from '../types.js';
import {
  chooseGraph,
  chooseProject,
  clampPage,
  graphRows,
  isFiltered,
  kindOptions,
  matchesFilter,
  worldsOf,
  type GraphRow,
  type InspectorView,
  type PagingLimits,
  type WorldState,
} from './inspector-model.js';
import type { InspectorSource } from './inspector-source.js';
import type { JobsPage } from './inspector-view.js';

/** The data of the first paint. */
export interface FirstPaint {
  worlds: string[];
  world: WorldState;
  rows: GraphRow[];
  /** The view as shown: project and graph chosen, page clamped. */
  view: InspectorView;
  /** The page of jobs, or why the list could not be read. */
  list: JobsPage | { error: string };
  /** Every taskType and status of the graph's jobs (the filters' values). */
  kinds: string[];
  statuses: string[];
  /** The job whose detail the URL opens, when the graph lists it. */
  job: Job | undefined;
  faults: unknown;
}

/** Reads the first paint for `asked` (the URL's view); `defaultProject` when none is named or held. */
export function readFirstPaint(source: InspectorSource, asked: InspectorView, defaultProject: string, limits: PagingLimits): FirstPaint {
  const state = source.state();
  const chosen = projectIdPattern.test(asked.project) ? asked.project : '';
  const project = chooseProject(state, chosen, defaultProject);
  const graph = chooseGraph(graphRows(source.state(project)), graphNamePattern.test(asked.graph) ? asked.graph : '');
  // The whole list once: the filters' values come from every job, and a filter needs them all anyway.
  const read = graph ? source.listJobs(project, graph, { limit: limits.maxLimit, offset: 0 }) : undefined;
  // Read after the list, which is what makes a graph's counts known.
  const world = source.state(project);
  const view: InspectorView = { ...asked, project, graph };
  const first: Omit<FirstPaint, 'list' | 'kinds' | 'statuses' | 'job'> = {
    worlds: worldsOf(state, defaultProject, project),
    world,
    rows: graphRows(world),
    view,
    faults: state.faults,
  };
  if (!read) return { ...first, list: { error: 'This world has no graph.' }, kinds: [], statuses: [], job: undefined };
  if (!read.ok) return { ...first, list: { error: `Could not list jobs: ${read.error.kind}` }, kinds: [], statuses: [], job: undefined };
  const all = read.value.jobs;
  const filtered = isFiltered(view);
  const matching = filtered ? all.filter((job) => matchesFilter(job, view)) : all;
  // A graph past the list's largest limit counts its jobs by jobCount; its tail is not painted first.
  const total = filtered ? matching.length : read.value.jobCount;
  view.page = clampPage(view.page, total, view.size);
  return {
    ...first,
    list: {
      graph,
      jobs: matching.slice(view.page * view.size, (view.page + 1) * view.size),
      total,
      jobCount: read.value.jobCount,
      page: view.page,
      size: view.size,
      filtered,
    },
    kinds: kindOptions(all.map((job) => job.taskType)),
    statuses: [...new Set(all.map((job) => job.status))],
    job: view.job ? all.find((job) => job.jobId === view.job) : undefined,
  };
}
