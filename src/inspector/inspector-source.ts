/**
 * What the inspector page reads of the mock when it renders (its first paint holds data): the
 * mock's state, one world's state and a page of one graph's jobs. The control routes give it only to
 * a request that may read them (the control token, when one is required); otherwise the page paints
 * without data and its script asks for the token.
 */
import type { EngineResult, EngineState, Page, ProjectState } from '../engine/engine-types.js';
import type { Job } from '../types.js';

/** The mock's data as the page renders it, read at request time. */
export interface InspectorSource {
  /** What GET /__mock/state answers. */
  state(): EngineState & { faults: unknown };
  /** What GET /__mock/projects/{project}/state answers (project already checked against the pattern). */
  world(project: string): ProjectState;
  /** A page of a graph's jobs, as the list operation answers them. */
  listJobs(project: string, graph: string, page: Page): EngineResult<{ jobs: Job[]; jobCount: number }>;
}
