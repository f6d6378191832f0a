/**
 * What the engine knows about each graph: its vertex universe (which ids exist, so a job naming
 * another id fails like the real engine) and the files an import of it reads.
 */
import type { Random } from './random.js';

/** A graph's vertex ids are `${prefix}${n}` for n in 1..vertexCount, written without leading zeros. */
export interface GraphProfile {
  readonly name: string;
  readonly vertexPrefix: string;
  readonly vertexCount: number;
  /** Edge, vertex and schema file names (no directory) an import of this graph reads. */
  readonly edgeFiles: readonly string[];
  readonly vertexFiles: readonly string[];
  readonly schemaFile: string;
}

const KNOWN_PROFILES: Readonly<Record<string, Omit<GraphProfile, 'name'>>> = {
  // The seed example's graph: "46" and "38" exist, "0000" does not.
  movie: {
    vertexPrefix: '',
    vertexCount: 3000,
    edgeFiles: ['ranking_edge.csv', 'friends_edge.csv', 'rate_edge.csv'],
    vertexFiles: ['movies_vertex.csv', 'users_vertex.csv'],
    schemaFile: 'schema.xml',
  },
  social_network: {
    vertexPrefix: 'user_',
    vertexCount: 20000,
    edgeFiles: ['follows_edge.csv', 'likes_edge.csv', 'comments_edge.csv'],
    vertexFiles: ['users_vertex.csv', 'posts_vertex.csv'],
    schemaFile: 'social_schema.xml',
  },
  supply_chain: {
    vertexPrefix: 'sku_',
    vertexCount: 8000,
    edgeFiles: ['supplies_edge.csv', 'ships_to_edge.csv', 'contains_edge.csv'],
    vertexFiles: ['suppliers_vertex.csv', 'plants_vertex.csv', 'products_vertex.csv'],
    schemaFile: 'supply_chain_schema.xml',
  },
};

/** The profile of a graph: a known one, or a plain numeric universe of 10,000 vertices. */
export function getGraphProfile(name: string): GraphProfile {
  const known = KNOWN_PROFILES[name];
  if (known) return { name, ...known };
  return {
    name,
    vertexPrefix: '',
    vertexCount: 10000,
    edgeFiles: [`${name}_edge.csv`],
    vertexFiles: [`${name}_vertex.csv`],
    schemaFile: 'schema.xml',
  };
}

/** The vertex id at index i (0-based) of the universe. */
export function vertexAt(profile: GraphProfile, index: number): string {
  return `${profile.vertexPrefix}${(index % profile.vertexCount) + 1}`;
}

/** A uniformly drawn vertex id of the graph. */
export function sampleVertex(profile: GraphProfile, rng: Random): string {
  return vertexAt(profile, rng.int(0, profile.vertexCount - 1));
}

/** A plausible id that is NOT in the graph, e.g. "0000" for movie, as in the GES example. */
export function sampleMissingVertex(profile: GraphProfile, rng: Random): string {
  const options = [
    `${profile.vertexPrefix}0000`,
    `${profile.vertexPrefix}${profile.vertexCount + rng.int(1, 5000)}`,
    `${profile.vertexPrefix}-1`,
  ];
  return rng.pick(options);
}

/** Whether `id` names a vertex of the graph: numbers are read as their decimal text. */
export function isVertex(profile: GraphProfile, id: unknown): boolean {
  const text = typeof id === 'number' ? String(id) : id;
  if (typeof text !== 'string' || !text.startsWith(profile.vertexPrefix)) return false;
  const digits = text.slice(profile.vertexPrefix.length);
  if (!/^[1-9][0-9]{0,9}$/.test(digits)) return false;
  return Number(digits) <= profile.vertexCount;
}
