/**
 * What the inspector page reads of the mock when it renders (its first paint holds data): the
 * mock's state, one world's state and a page of one graph's jobs. The control routes give it only to
 * a request that may read them (the control token, when one is required); otherwise the page paints
 * without data and its script asks for the token.
 */
import type { Engine } from '../engine/engine-types.js';

/**
 * The mock's data as the page renders it, read at request time: the engine's state (every world's,
 * or one world's, what GET /__mock/state and /__mock/projects/{id}/state answer) and a page of a
 * graph's jobs, as the list operation answers them.
 */
export type InspectorSource = Pick<Engine, 'state' | 'listJobs'>;
