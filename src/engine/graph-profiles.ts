/**
 * What the engine knows about each graph: its vertex universe (which ids exist, so a job naming
 * another id fails like the real engine) and the files an import of it reads.
 */
import type { Random } from './random.js';

/** A label of a graph's vertices or edges, and the values each of its properties takes. */
export interface LabelProfile {
  readonly label: string;
  readonly properties: Readonly<Record<string, readonly string[]>>;
}

/** A graph's vertex ids are `${prefix}${n}` for n in 1..vertexCount, written without leading zeros. */
export interface GraphProfile {
  readonly name: string;
  readonly vertexPrefix: string;
  readonly vertexCount: number;
  /** Edge, vertex and schema file names (no directory) an import of this graph reads. */
  readonly edgeFiles: readonly string[];
  readonly vertexFiles: readonly string[];
  readonly schemaFile: string;
  /** Vertex and edge labels with their properties: what filter queries select and return. */
  readonly vertexLabels: readonly LabelProfile[];
  readonly edgeLabels: readonly LabelProfile[];
}

const KNOWN_PROFILES: Readonly<Record<string, Omit<GraphProfile, 'name'>>> = {
  // The seed example's graph: "46" and "38" exist, "0000" does not.
  movie: {
    vertexPrefix: '',
    vertexCount: 3000,
    edgeFiles: ['ranking_edge.csv', 'friends_edge.csv', 'rate_edge.csv'],
    vertexFiles: ['movies_vertex.csv', 'users_vertex.csv'],
    schemaFile: 'schema.xml',
    // The labels and properties of the GES pages' own examples (vertex and edge filter queries).
    vertexLabels: [
      {
        label: 'user',
        properties: {
          Age: ['18-24', '25-34', '35-44', '45-49', '50-55', '56+'],
          Gender: ['F', 'M'],
          Occupation: ['artist', 'programmer', 'writer', 'doctor/health care', 'college/grad student'],
          'Zip-code': ['10023', '55117', '02460', '94043'],
        },
      },
      {
        label: 'movie',
        properties: {
          ChineseTitle: ['玩具总动员', '勇敢者的游戏', '倒扣的王牌'],
          Year: ['1995', '1996', '1997'],
          genres: ['Animation|Comedy', 'Adventure|Fantasy', 'Comedy|Romance', 'Drama'],
        },
      },
    ],
    edgeLabels: [
      { label: 'rate', properties: { Score: ['1', '2', '3', '4', '5'], Datetime: ['2000-12-31 22:12:40', '2001-01-06 23:38:11'] } },
      { label: 'friends', properties: {} },
    ],
  },
  social_network: {
    vertexPrefix: 'user_',
    vertexCount: 20000,
    edgeFiles: ['follows_edge.csv', 'likes_edge.csv', 'comments_edge.csv'],
    vertexFiles: ['users_vertex.csv', 'posts_vertex.csv'],
    schemaFile: 'social_schema.xml',
    vertexLabels: [
      { label: 'person', properties: { name: ['Alice', 'Bob', 'Chen', 'Dana', 'Emeka'], city: ['Shenzhen', 'Berlin', 'Lagos', 'Lima'] } },
      { label: 'post', properties: { topic: ['graphs', 'music', 'travel'], likes: ['0', '12', '301'] } },
    ],
    edgeLabels: [
      { label: 'follows', properties: { since: ['2021-03-01', '2023-07-15'] } },
      { label: 'likes', properties: { at: ['2024-05-20 10:11:12'] } },
    ],
  },
  supply_chain: {
    vertexPrefix: 'sku_',
    vertexCount: 8000,
    edgeFiles: ['supplies_edge.csv', 'ships_to_edge.csv', 'contains_edge.csv'],
    vertexFiles: ['suppliers_vertex.csv', 'plants_vertex.csv', 'products_vertex.csv'],
    schemaFile: 'supply_chain_schema.xml',
    vertexLabels: [
      { label: 'supplier', properties: { country: ['CN', 'DE', 'VN', 'MX'], tier: ['1', '2', '3'] } },
      { label: 'product', properties: { category: ['battery', 'display', 'chip'], unit: ['pcs', 'kg'] } },
    ],
    edgeLabels: [
      { label: 'supplies', properties: { leadDays: ['3', '14', '30'] } },
      { label: 'ships_to', properties: { mode: ['sea', 'air', 'rail'] } },
    ],
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
    vertexLabels: [{ label: 'vertex', properties: { name: ['a', 'b', 'c'] } }],
    edgeLabels: [{ label: 'edge', properties: { weight: ['1', '2', '3'] } }],
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
