/**
 * X-Auth-Token policy. Each configured token is `T` (any project) or `T:project_id` (that project
 * only); with none configured, any non-empty token is accepted (a mock must not need IAM).
 */
import { projectIdPattern } from '../spec/spec-facts.js';

/** What a token may do on a project. */
type TokenVerdict = 'ok' | 'invalid' | 'forbidden';

/** Decides on (token, project_id). */
export type TokenPolicy = (token: string | undefined, projectId: string) => TokenVerdict;

/** Builds the policy from `--token` values. */
export function createTokenPolicy(tokens: readonly string[] | undefined): TokenPolicy {
  if (!tokens || tokens.length === 0) return (token) => (token ? 'ok' : 'invalid');
  // token -> projects it may use; null means every project
  const allowed = new Map<string, Set<string> | null>();
  for (const entry of tokens) {
    const colon = entry.lastIndexOf(':');
    const bound = colon > 0 && projectIdPattern.test(entry.slice(colon + 1));
    const token = bound ? entry.slice(0, colon) : entry;
    if (token === '') continue;
    const current = allowed.get(token);
    if (!bound) allowed.set(token, null);
    else if (current !== null) allowed.set(token, (current ?? new Set<string>()).add(entry.slice(colon + 1)));
  }
  return (token, projectId) => {
    if (!token) return 'invalid';
    const projects = allowed.get(token);
    if (projects === undefined) return 'invalid';
    return projects === null || projects.has(projectId) ? 'ok' : 'forbidden';
  };
}
