/**
 * ges-jobs-kit's main entry: the types generated from openapi.yaml, the spec itself, the pure engine
 * and the transport-free API. Transports have their own entries: `ges-jobs-kit/server` (node:http),
 * `ges-jobs-kit/msw`, `/msw/node`, `/msw/browser`; the contract kit is `ges-jobs-kit/contracts`.
 */
export type {
  AlgorithmRequest,
  CancelResult,
  GesError,
  ImportFileGroup,
  Job,
  JobCreated,
  JobList,
  JobResultData,
  JobStatus,
  JobStatusValue,
  LineFileStat,
  OperationId,
  Progress,
  SchemaFileStat,
  components,
  operations,
  paths,
} from './types.js';
export { openapiDocument } from './generated/openapi-document.js';
export { createSpecValidator, type SchemaViolation, type SpecValidator } from './spec/spec-validator.js';
export { getResponseExamples, getResponseSchemaPointer, specOperations } from './spec/spec-examples.js';
export type {
  AdjustableClock,
  Change,
  Clock,
  Engine,
  EngineError,
  EngineOptions,
  EngineResult,
  EngineWrite,
  MockState,
  Page,
  WorldState,
} from './engine/engine-types.js';
export { createEngine } from './engine/create-engine.js';
export { ENGINE_DEFAULTS, type EngineSettings } from './engine/engine-settings.js';
export { ENGINE_PROFILES, type EngineProfileName } from './engine/engine-profiles.js';
export { createManualClock, createSystemClock } from './clocks.js';
export {
  createApi,
  type ApiOptions,
  type ApiSettings,
  type EngineChoice,
  type GesApi,
  type GesWorld,
  type WorldClock,
  type WorldFaults,
} from './http/create-api.js';
export type { OnChange, RefusedChange } from './http/commit-change.js';
export type { JournalEntry, JournalFault, JournalFilter } from './http/request-journal.js';
export type { FaultConfig } from './engine/fault-config.js';
export type { ApiRequest, ApiResponse } from './http/http-types.js';
export type {
  FixtureDocument,
  FixtureDuration,
  FixtureFileGroup,
  FixtureGraphSpec,
  FixtureJob,
  KnownTaskType,
} from './fixtures/fixture-types.js';
export { FixtureError, type FixtureProblem } from './fixtures/fixture-error.js';
export { validateFixtures, type FixtureValidation, type ValidateFixturesOptions } from './fixtures/validate-fixtures.js';
export { defineFixtures, gesJob } from './fixtures/define-fixtures.js';
