/**
 * The state a `--state` directory holds, as plain job entries per graph: built from a snapshot, then
 * moved on by each journal record, then handed to the engine whole (engine.loadFixtures). Replaying
 * effects (a submission's plan and evictions, a cancellation's instant) rather than requests makes
 * a replay exact without re-running the engine: what the clients were answered is what comes back.
 */
import { createGraphVocabulary } from '../engine/draw-job-plans.js';
import type { FixtureGraph, FixtureGraphs } from '../engine/engine-types.js';
import { isView, viewJob, type JobEntry } from '../engine/job-lifecycle.js';
import type { FixtureDocument } from '../fixtures/fixture-types.js';
import { parseInstant } from '../fixtures/parse-duration.js';
import { prepareFixtures } from '../fixtures/validate-fixtures.js';
import type { JournalRecord } from './journal-record.js';

/** The jobs of one graph, by id, and the nine digits its ids share. */
interface ModelGraph {
  readonly entries: Map<string, JobEntry>;
  readonly jobIdSuffix: string | undefined;
}

/** A whole state: what every project sees per graph, and the graphs that differ per project. */
export interface StateModel {
  now: number;
  seed: number;
  extras: string[];
  all: Map<string, ModelGraph>;
  projects: Map<string, Map<string, ModelGraph>>;
  /** Projects (worlds) whose clock runs ahead of `now`, by how many ms. */
  clockOffsets: Map<string, number>;
}

/** An empty state at `now` (snapshot lines are added to it). */
export function emptyModel(now: number, seed: number, extras: readonly string[]): StateModel {
  return { now, seed, extras: [...extras], all: new Map(), projects: new Map(), clockOffsets: new Map() };
}

function mergeGraphs(target: Map<string, ModelGraph>, graphs: ReadonlyMap<string, FixtureGraph>): void {
  for (const [name, graph] of graphs) {
    let held = target.get(name);
    if (!held) target.set(name, (held = { entries: new Map(), jobIdSuffix: graph.jobIdSuffix }));
    for (const entry of graph.entries) held.entries.set(entry.jobId, entry);
  }
}

/**
 * Adds a (part of a) snapshot document to the model: its jobs are checked and compiled as fixture
 * jobs at the document's `now`. Returns the problem when the document does not load.
 */
export function addDocument(model: StateModel, doc: FixtureDocument, source: string): string | undefined {
  const prepared = prepareFixtures(doc, source, parseInstant(doc.now) ?? model.now);
  if (!prepared.ok) return prepared.error.message;
  if (!prepared.graphs) return undefined;
  mergeGraphs(model.all, prepared.graphs.all);
  for (const [project, offset] of prepared.graphs.clockOffsets ?? [])
    model.clockOffsets.set(project, offset + (prepared.now ?? model.now) - model.now);
  for (const [project, byGraph] of prepared.graphs.byProject) {
    let mine = model.projects.get(project);
    if (!mine) model.projects.set(project, (mine = new Map()));
    mergeGraphs(mine, byGraph);
  }
  return undefined;
}

/**
 * Adds one project's graph written as a difference (snapshot-file.ts): what every project sees,
 * without `removed`, with the document's jobs. Returns the problem when it does not load.
 */
export function addProjectDelta(
  model: StateModel,
  project: string,
  graph: string,
  removed: readonly string[],
  doc: FixtureDocument,
  source: string,
): string | undefined {
  const held = projectGraph(model, project, graph);
  if (!held) return `project ${project} differs from graph ${graph}, which the state does not have`;
  for (const jobId of removed) held.entries.delete(jobId);
  return addDocument(model, doc, source);
}

/** Drawn jobIds end in 9 digits after a UUID: a graph's share the digits of its first such id. */
const MEMORY_JOB_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}[0-9]{9}$/;

/** The nine digits a graph's new jobIds end in, found as fixture compilation finds them. */
function suffixOf(entries: readonly JobEntry[], seed: number, graph: string): string {
  const id = entries.find((entry) => MEMORY_JOB_ID.test(entry.jobId))?.jobId;
  return id?.slice(-9) ?? createGraphVocabulary(seed, graph).jobIdSuffix;
}

/**
 * Adds engine entries as a version-3 snapshot line holds them (snapshot-file.ts): what every project
 * sees (`project` undefined), one project's graph whole, or one project's difference from what every
 * project sees (`removed` given). The entries are the engine's own, so nothing is compiled again.
 */
export function addEntries(
  model: StateModel,
  project: string | undefined,
  graph: string,
  removed: readonly string[] | undefined,
  entries: readonly JobEntry[],
): string | undefined {
  let held: ModelGraph | undefined;
  if (project === undefined) held = model.all.get(graph);
  else if (removed) {
    held = projectGraph(model, project, graph);
    if (!held) return `project ${project} differs from graph ${graph}, which the state does not have`;
    for (const jobId of removed) held.entries.delete(jobId);
  } else held = model.projects.get(project)?.get(graph);
  if (!held) {
    held = { entries: new Map(), jobIdSuffix: suffixOf(entries, model.seed, graph) };
    if (project === undefined) model.all.set(graph, held);
    else {
      let mine = model.projects.get(project);
      if (!mine) model.projects.set(project, (mine = new Map()));
      mine.set(graph, held);
    }
  }
  for (const entry of entries) held.entries.set(entry.jobId, entry);
  return undefined;
}

/** The graph of one project, made from what every project sees on its first change. */
function projectGraph(model: StateModel, project: string, graph: string): ModelGraph | undefined {
  let mine = model.projects.get(project);
  const held = mine?.get(graph);
  if (held) return held;
  const every = model.all.get(graph);
  if (!every) return undefined;
  if (!mine) model.projects.set(project, (mine = new Map()));
  const copy = { entries: new Map(every.entries), jobIdSuffix: every.jobIdSuffix };
  mine.set(graph, copy);
  return copy;
}

/** Moves the model on by one record; returns the problem when the record does not fit the state. */
export function applyRecord(model: StateModel, record: JournalRecord, source: string): string | undefined {
  switch (record.op) {
    case 'submit': {
      const graph = projectGraph(model, record.p, record.g);
      if (!graph) return `a submission to graph ${record.g}, which the state does not have`;
      for (const jobId of record.evicted) graph.entries.delete(jobId);
      graph.entries.set(record.plan.jobId, record.plan);
      break;
    }
    case 'cancel': {
      const entry = projectGraph(model, record.p, record.g)?.entries.get(record.jobId);
      if (!entry || isView(entry)) return `a cancellation of job ${record.jobId}, which the state does not hold living`;
      model.projects
        .get(record.p)!
        .get(record.g)!
        .entries.set(record.jobId, viewJob(entry, record.t, record.t));
      break;
    }
    case 'clock':
      break;
    case 'load': {
      const next = emptyModel(record.t, model.seed, record.doc.extraJobFields ?? []);
      const problem = addDocument(next, record.doc, source);
      if (problem) return problem;
      next.seed = record.doc.seed ?? model.seed;
      Object.assign(model, next);
      break;
    }
  }
  model.now = Math.max(model.now, record.t);
  return undefined;
}

const toFixtureGraph = (graph: ModelGraph): FixtureGraph => ({
  entries: [...graph.entries.values()],
  seedJobs: 0,
  jobIdSuffix: graph.jobIdSuffix,
});

/** The model as the engine loads it. */
export function toFixtureGraphs(model: StateModel): FixtureGraphs {
  return {
    seed: model.seed,
    all: new Map([...model.all].map(([name, graph]) => [name, toFixtureGraph(graph)])),
    byProject: new Map(
      [...model.projects].map(([project, byGraph]) => [
        project,
        new Map([...byGraph].map(([name, graph]) => [name, toFixtureGraph(graph)])),
      ]),
    ),
    clockOffsets: new Map(model.clockOffsets),
  };
}
