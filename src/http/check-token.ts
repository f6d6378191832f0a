/**
 * X-Auth-Token policy. Each configured token is `T` (any project) or `T:project_id` (that project
 * only); with none configured, any non-empty token is accepted (a mock must not need IAM).
 */
import { projectIdPattern } from '../spec/spec-facts.js';

/** What a token may do on a project. */
type TokenVerdict = 'ok' | 'invalid' | 'forbidden';

/** Decides on (token, project_id). */
export type TokenPolicy = (token: string | undefined, projectId: string) => TokenVerdict;

/**
 * One configured token: `T`, or `T:project_id` bound to that project. A colon followed by no project
 * id is part of the token.
 */
export function parseTokenEntry(entry: string): { token: string; project: string | undefined } {
  const colon = entry.lastIndexOf(':');
  const bound = colon > 0 && projectIdPattern.test(entry.slice(colon + 1));
  return bound ? { token: entry.slice(0, colon), project: entry.slice(colon + 1) } : { token: entry, project: undefined };
}

/** Builds the policy from `--token` values. */
export function createTokenPolicy(tokens: readonly string[] | undefined): TokenPolicy {
  if (!tokens || tokens.length === 0) return (token) => (token ? 'ok' : 'invalid');
  // token -> projects it may use; null means every project
  const allowed = new Map<string, Set<string> | null>();
  for (const entry of tokens) {
    const { token, project } = parseTokenEntry(entry);
    if (token === '') continue;
    const current = allowed.get(token);
    if (project === undefined) allowed.set(token, null);
    else if (current !== null) allowed.set(token, (current ?? new Set<string>()).add(project));
  }
  return (token, projectId) => {
    if (!token) return 'invalid';
    const projects = allowed.get(token);
    if (projects === undefined) return 'invalid';
    return projects === null || projects.has(projectId) ? 'ok' : 'forbidden';
  };
}
