/**
 * State files of earlier ges-mock versions, read so that a restart after an upgrade keeps its jobs:
 * version 1 (one JSON object, state-file-format.ts), versions 2 and 3 (a JSON-lines snapshot of every
 * job, and journals of `op` records). They are read into a model of plain job entries per graph, moved
 * on by each journal record, and handed to the engine as its shared fixtures (every job as it was
 * listed, every world's own graphs as that world's); the first compaction then writes version 4.
 */
import { createGraphVocabulary } from '../engine/draw-job-plans.js';
import type { EngineDump, FixtureGraph, FixturesDump } from '../engine/engine-types.js';
import type { ResolvedSettings } from '../engine/engine-settings.js';
import { isView, viewJob, type JobEntry, type JobPlan } from '../engine/job-lifecycle.js';
import type { FixtureDocument } from '../fixtures/fixture-types.js';
import { parseInstant } from '../fixtures/parse-duration.js';
import { prepareFixtures } from '../fixtures/validate-fixtures.js';
import { readEntry } from './journal-record.js';
import { readSnapshotLines } from './read-lines.js';

/** A change as journals before version 4 kept it; `t` is the virtual time (epoch ms) just after it. */
export type LegacyRecord =
  | { op: 'submit'; t: number; p: string; g: string; plan: JobPlan; evicted: readonly string[] }
  | { op: 'cancel'; t: number; p: string; g: string; jobId: string }
  | { op: 'clock'; t: number }
  /** A reset or fixture load: the whole new state, as a snapshot document. */
  | { op: 'load'; t: number; doc: FixtureDocument };

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

/** Drawn jobIds end in 9 digits after a UUID: a graph's share the digits of its first such id. */
const MEMORY_JOB_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}[0-9]{9}$/;

/** The nine digits a graph's new jobIds end in, found as fixture compilation finds them. */
function suffixOf(entries: readonly JobEntry[], seed: number, graph: string): string {
  const id = entries.find((entry) => MEMORY_JOB_ID.test(entry.jobId))?.jobId;
  return id?.slice(-9) ?? createGraphVocabulary(seed, graph).jobIdSuffix;
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

/**
 * Adds engine entries as a version-3 snapshot line holds them: what every project sees (`project`
 * undefined), one project's graph whole, or one project's difference from what every project sees.
 */
function addEntries(
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

/** Moves the model on by one record of an old journal; returns the problem when it does not fit. */
export function applyLegacyRecord(model: StateModel, record: LegacyRecord, source: string): string | undefined {
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
    default:
      return `an unknown record ${JSON.stringify(record)}`;
  }
  model.now = Math.max(model.now, record.t);
  return undefined;
}

/** The `format` marker of state files (version 1 was one JSON object, versions 2 to 4 JSON lines). */
export const STATE_FORMAT = 'ges-jobs-kit/mock-state';

/** What a version 2 or 3 snapshot's first line says. */
interface LegacyHeader {
  version: 2 | 3;
  generation: number;
  now: string;
  seed: number;
  extraJobFields: string[];
  clocks?: Record<string, string> | undefined;
}

/** Reads a version-2 or -3 snapshot line by line into a model. Never throws for bad content. */
export function readLegacySnapshot(path: string): { ok: true; generation: number; model: StateModel } | { ok: false; reason: string } {
  let header: LegacyHeader | undefined;
  let model: StateModel | undefined;
  const problem = readSnapshotLines(path, (value, lines) => {
    if (!header) {
      header = value as unknown as LegacyHeader;
      model = emptyModel(Date.parse(header.now), header.seed, header.extraJobFields ?? []);
      for (const [project, instant] of Object.entries(header.clocks ?? {}))
        model.clockOffsets.set(project, Date.parse(instant) - model.now);
      return undefined;
    }
    const graph = String(value.graph);
    const removed = Array.isArray(value.removed) ? (value.removed as string[]) : undefined;
    if (header.version === 3) {
      if (!Array.isArray(value.entries)) return `line ${lines} has no entries`;
      const entries: JobEntry[] = [];
      for (const each of value.entries) {
        const entry = readEntry(each);
        if (!entry) return `line ${lines} holds a job that is not one ges-mock wrote`;
        entries.push(entry);
      }
      const project = value.project === undefined ? undefined : String(value.project);
      const failed = addEntries(model!, project, graph, removed, entries);
      return failed && `its state does not load: ${failed}`;
    }
    const jobs = value.jobs;
    const projectNow = value.project === undefined ? undefined : header.clocks?.[String(value.project)];
    const doc: FixtureDocument = { now: projectNow ?? header.now, seed: header.seed, extraJobFields: header.extraJobFields };
    if (value.project === undefined) doc.graphs = { [graph]: { jobs } as never };
    else doc.projects = { [String(value.project)]: { graphs: { [graph]: { jobs } as never } } };
    if (removed) {
      const held = projectGraph(model!, String(value.project), graph);
      if (!held)
        return `its state does not load: project ${String(value.project)} differs from graph ${graph}, which the state does not have`;
      for (const jobId of removed) held.entries.delete(jobId);
    }
    const failed = addDocument(model!, doc, path);
    return failed && `its state does not load: ${failed}`;
  });
  if (problem) return { ok: false, reason: problem };
  if (!header || !model) return { ok: false, reason: 'it has no header' };
  return { ok: true, generation: header.generation, model };
}

const toFixtureGraph = (graph: ModelGraph): FixtureGraph => ({
  entries: [...graph.entries.values()],
  seedJobs: 0,
  jobIdSuffix: graph.jobIdSuffix,
});

/**
 * An old state as the engine restores it: every job it held becomes a job of the shared fixtures
 * (those every project sees, and each project's own graphs), as old versions loaded it.
 */
export function toDump(model: StateModel, settings: ResolvedSettings): EngineDump {
  const fixtures: FixturesDump = {
    seed: model.seed,
    anchor: model.now,
    graphs: [...model.all].map(([name, graph]) => [name, toFixtureGraph(graph)] as const),
    byProject: [...model.projects].flatMap(([project, byGraph]) =>
      [...byGraph].map(([name, graph]) => [project, name, toFixtureGraph(graph)] as const),
    ),
    clockOffsets: [...model.clockOffsets],
    extraJobFields: model.extras,
    recordedStatusVariants: [],
  };
  return {
    now: model.now,
    shiftMs: 0,
    base: {
      seed: model.seed,
      anchor: model.now,
      graphs: settings.graphs,
      jobsPerGraph: settings.jobsPerGraph,
      profile: settings.profile,
      fixtures,
      faults: {},
    },
    worlds: [],
  };
}
