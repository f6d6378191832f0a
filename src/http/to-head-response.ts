/**
 * HEAD on every GET route (RFC 9110 §9.3.2): the status and headers the GET would send, no body.
 * Done here, in the transport-free layer, so the node:http server and the MSW handlers agree.
 */
import type { ApiResponse } from './http-types.js';
import { utf8Length } from '../engine/utf8-length.js';

function withoutBody(response: ApiResponse): ApiResponse {
  if (response.bytes) {
    // A passed-through body: its whole length when it was read, else the length its sender declared.
    const { head, rest } = response.bytes;
    response.bytes.discard();
    return {
      status: response.status,
      headers: rest === undefined ? { ...response.headers, 'content-length': String(head.byteLength) } : response.headers,
    };
  }
  if (response.fault || response.body === undefined) return response;
  // The GET's length, so a client can size the resource without fetching it; the adapters add no
  // length of their own when there is no body.
  return { status: response.status, headers: { ...response.headers, 'content-length': String(utf8Length(response.body)) } };
}

/** The HEAD answer made from the GET answer (synchronous or not, as the GET was). */
export function toHeadResponse(getResponse: ApiResponse | Promise<ApiResponse>): ApiResponse | Promise<ApiResponse> {
  return getResponse instanceof Promise ? getResponse.then(withoutBody) : withoutBody(getResponse);
}
