/**
 * A curl command that reproduces one request of the run. The token is never printed: the header
 * reads `$GES_TOKEN`, so the line works in a shell where the CLI's env variable is set.
 */
import type { ExchangeRequest } from './contract-types.js';

/** Quotes a word for a POSIX shell. */
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The curl line for a request; `token` is the value to hide behind $GES_TOKEN. */
export function toCurl(request: ExchangeRequest, token: string | undefined): string {
  const parts = ['curl', '-sS', '-i'];
  if (request.method !== 'GET') parts.push('-X', request.method);
  parts.push(shellQuote(request.url));
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() === 'x-auth-token' && token !== undefined && value === token) {
      parts.push('-H', `"${name}: $GES_TOKEN"`);
    } else {
      parts.push('-H', shellQuote(`${name}: ${value}`));
    }
  }
  if (request.body !== undefined) parts.push('--data-binary', shellQuote(request.body));
  return parts.join(' ');
}
