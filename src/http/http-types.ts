/**
 * The transport-free API layer's shape: adapters (MSW, node:http) turn their requests into an
 * ApiRequest and write the ApiResponse back. Nothing here knows a socket or a Service Worker.
 */

import type { HttpError } from './to-ges-error.js';

/** A request as the API layer sees it. */
export interface ApiRequest {
  method: string;
  /** Path and query, as sent (percent-encoded), e.g. `/ges/v1.0/p/graphs/movie/jobs/status?limit=2`. */
  url: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body as text; undefined when there is none. */
  body?: string | undefined;
  /**
   * Set by an adapter that stopped reading a body over the 1 MiB limit (so `body` is absent): the API
   * answers 400 GES.8000 wherever it would have read the body.
   */
  bodyTooLarge?: boolean | undefined;
  /**
   * Set by an adapter that left a body of this many bytes unread because `GesApi.admitsBody` said
   * the memory budget cannot hold it (so `body` is absent): the API answers with that refusal where
   * it would have read the body.
   */
  bodyUnread?: number | undefined;
  /**
   * When the adapter received the request, on the monotonic clock (`performance.now()` ms): the
   * journal times the request from it. Absent: from when `handle` is called.
   */
  receivedAt?: number | undefined;
}

/** What the adapter sends back. `body` is already serialised (JSON or HTML). */
export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body?: string | undefined;
  /**
   * A connection-level fault the adapter must act out instead of answering (WireMock's vocabulary):
   * reset the connection, or close it with no response at all.
   */
  fault?: 'CONNECTION_RESET_BY_PEER' | 'EMPTY_RESPONSE' | undefined;
  /**
   * A body sent as bytes, unchanged, instead of `body`: a proxied upstream answer, whatever its
   * encoding. `body` then holds its text for the journal when the whole body was read, else nothing.
   */
  bytes?: ResponseBytes | undefined;
}

/** The bytes of a passed-through body: what was read, then, for a long one, the rest as it comes. */
export interface ResponseBytes {
  /** The bytes read so far: the whole body unless `rest` is set. */
  head: Uint8Array;
  /** The rest of a body longer than the API holds, yielded as it arrives. */
  rest?: AsyncIterable<Uint8Array> | undefined;
  /** Headers sent once per value, which a string record cannot hold (Set-Cookie); never journaled. */
  repeated?: Readonly<Record<string, readonly string[]>> | undefined;
  /** Gives up the rest unread (a HEAD request, a client that left). */
  discard(): void;
}

/**
 * A route's answer before headers are added, as the GES operations and the control routes return
 * it: a JSON value with its status, a page, or an error that becomes the GES envelope.
 */
export type RouteResult =
  | { kind: 'json'; status: number; value: unknown /** `JSON.stringify(value)` when already known. */; text?: string | undefined }
  | { kind: 'page'; contentType: string; body: string }
  | { kind: 'error'; error: HttpError };
