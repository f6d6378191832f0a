/**
 * What happens to a change the engine made before it is answered: whoever keeps changes (`ges-mock
 * serve --state`) is told about it, and the answer waits for them. A change they refuse was taken
 * back by them (with the undo they were given) and is answered with their envelope instead.
 */
import type { Change, EngineWrite } from '../engine/engine-types.js';
import type { RouteResult } from './http-types.js';
import { internalError, toGesError, type HttpError } from './to-ges-error.js';

/**
 * Told synchronously about every change, after the engine made it and before it is answered, with
 * how to take it back. It may return a promise (a durable write in flight): the answer waits for it.
 * A throw or rejection carrying a `gesError` (RefusedChange) is answered with that envelope.
 */
export type OnChange = (change: Change, undo: () => void) => unknown;

/** An error onChange throws to refuse a change it could not keep: answered with `gesError`'s envelope. */
export interface RefusedChange extends Error {
  readonly gesError: HttpError;
}

export const isRefusedChange = (error: unknown): error is RefusedChange =>
  error instanceof Error && typeof (error as Partial<RefusedChange>).gesError?.status === 'number';

/** A route's answer, at once or once the change it made is kept. */
export type Answer = RouteResult | Promise<RouteResult>;

const refusal = (error: HttpError): RouteResult => ({ kind: 'error', error });

/**
 * Answers a write: its refusal, or `answer(value)` once `onChange` has kept the change. An error
 * onChange throws that is no refusal is answered 500 and reported to `onError`.
 */
export function commitChange<T>(
  write: EngineWrite<T>,
  onChange: OnChange | undefined,
  onError: ((error: unknown) => void) | undefined,
  answer: (value: T) => RouteResult,
): Answer {
  if (!write.ok) return refusal(toGesError(write.error));
  if (!onChange) return answer(write.value);
  const failed = (error: unknown): RouteResult => {
    if (isRefusedChange(error)) return refusal(error.gesError);
    onError?.(error);
    return refusal(internalError(error));
  };
  let saving: unknown;
  try {
    saving = onChange(write.change, write.undo);
  } catch (error) {
    return failed(error);
  }
  if (!(saving instanceof Promise)) return answer(write.value);
  return saving.then(() => answer(write.value), failed);
}
