/**
 * The listen/start options that make a request no handler answers an error on both msw majors: msw 2
 * reads `onUnhandledRequest`, msw 3 `onUnhandledFrame`, and each ignores the other's key. Passed as a
 * value (not an object literal), so either major's types take it.
 */
export const UNHANDLED_IS_ERROR = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as const;
