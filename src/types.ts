/**
 * Friendly names for the types generated from openapi.yaml. Nothing here restates a schema: every
 * type is an alias of src/generated/openapi.ts.
 */
import type { components, operations, paths } from './generated/openapi.js';

export type { components, operations, paths };

type Schemas = components['schemas'];

/** One job as the list shows it. */
export type Job = Schemas['Job'];
/** The success body of Listing Jobs: a page of jobs and the total. */
export type JobList = Schemas['JobList'];
/** `pending`, `running`, `success` or `failed`. */
export type JobStatusValue = Schemas['JobStatusValue'];
/** Integer or digit string, 0–100. */
export type Progress = Schemas['Progress'];
/** One `{edgeFiles|vertexFiles|schemaFiles: [...]}` group of an ImportGraph job. */
export type ImportFileGroup = Schemas['ImportFileGroup'];
/** Statistics of one edge or vertex file. */
export type LineFileStat = Schemas['LineFileStat'];
/** Statistics of one schema file. */
export type SchemaFileStat = Schemas['SchemaFileStat'];
/** The single-job status body. */
export type JobStatus = Schemas['JobStatus'];
/** A page of a finished job's result. */
export type JobResultData = Schemas['JobResultData'];
/** The cancel answer (an empty object on success). */
export type CancelResult = Schemas['CancelResult'];
/** The execute-algorithm request body. */
export type AlgorithmRequest = Schemas['AlgorithmRequest'];
/** The execute-algorithm answer. */
export type JobCreated = Schemas['JobCreated'];
/** The GES error envelope `{errorMessage, errorCode, result: "failed"}`. */
export type GesError = Schemas['GesError'];

/** The operationIds of openapi.yaml. */
export type OperationId = keyof operations;
