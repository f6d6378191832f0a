/**
 * What every generator must keep of openapi.yaml, written as types: each generator's file beside this
 * one instantiates these checks on its own output, and `tsc -p generators` fails when a spec change
 * costs a generator a field, a literal or an endpoint.
 */

/** The four documented job states. */
type JobStatusValue = 'pending' | 'running' | 'success' | 'failed';

/** Every field of a listed job, typed as a client reads it. */
export interface JobFields {
  jobId: string;
  rawRequest: string;
  taskType: string;
  canStop: boolean;
  progress: number | string;
  startTime: string;
  endTime?: string | undefined;
  status: JobStatusValue;
  failReason?: string | undefined;
  files?: readonly unknown[] | undefined;
}

/**
 * True when `T` has every Job field with a compatible type. The constraint rejects a Job that lost a
 * field's type (or collapsed to `unknown`); the key check rejects one that lost an optional field.
 */
export type KeepsEveryJobField<T extends JobFields> = [Exclude<keyof JobFields, keyof T>] extends [never] ? true : false;

/** True when the envelope's `result` is the literal `"failed"`, not a plain string. */
export type ResultIsTheFailedLiteral<T extends { result?: unknown }> = [NonNullable<T['result']>] extends ['failed']
  ? ['failed'] extends [NonNullable<T['result']>]
    ? true
    : false
  : false;

/** Compiles only when its type argument is `true`. */
export function expectTrue<T extends true>(): T | undefined {
  return undefined;
}
