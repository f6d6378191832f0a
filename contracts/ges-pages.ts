/**
 * The GES pages the contract kit's rules rest on, and the evidence a rule carries. A rule is MUST only
 * where a page states it or a documented example shows it; what this project decided or inferred is
 * SHOULD (a warning, a failure under --strict). The level is computed from the evidence (levelOf),
 * never written by hand, so a verdict always says what it rests on.
 *
 * The pages are Huawei's GES service-plane API reference (memory edition unless named otherwise). The
 * seed page is kept in the repository (docs/reference/listing-jobs-2.2.13.txt); the others are in the
 * public repository huaweicloudDocs/ges (folder `cn.zh-cn/API参考/`) or on support.huaweicloud.com.
 * docs/reference/ges-pages-evidence.md is the fact base that reads them all, with its source ids (S1…);
 * docs/reference/ges-async-apis.md reads the pages of the APIs that create jobs, a section a page.
 */

/** One GES page: what it is and where to read it. */
export interface GesPage {
  /** The page's title as Huawei gives it. */
  title: string;
  /** Where to read it on support.huaweicloud.com, where the fact base names the address. */
  url?: string | undefined;
  /** The page in huaweicloudDocs/ges, or the copy kept in this repository. */
  source: string;
  /**
   * Where the fact base reads it: a source id of docs/reference/ges-pages-evidence.md (§0), or a
   * section of docs/reference/ges-async-apis.md (`ges-async-apis.md §2`).
   */
  factBase: string;
}

const DOCS_REPO = 'huaweicloudDocs/ges cn.zh-cn/API参考/';

/** Every page a rule cites, by a short id. A new operation's page is one more entry. */
export const gesPages = {
  'list-jobs': {
    title: '查询job列表(2.2.13) (Listing Jobs)',
    url: 'https://support.huaweicloud.com/api-ges/ges_03_0204.html',
    source: 'docs/reference/listing-jobs-2.2.13.txt',
    factBase: 'S1',
  },
  'job-status': {
    title: '查询Job状态(1.0.0)-业务面 (Querying Job Status)',
    url: 'https://support.huaweicloud.com/api-ges/ges_03_0037.html',
    source: `${DOCS_REPO}查询Job状态(1-0-0)-业务面.md`,
    factBase: 'S10, S8',
  },
  'cancel-job': {
    title: '取消Job(1.0.0) (Canceling a Job)',
    url: 'https://support.huaweicloud.com/api-ges/ges_03_0038.html',
    source: `${DOCS_REPO}取消Job(1-0-0).md`,
    factBase: 'S12, S8',
  },
  'cancel-job-2024': {
    title: 'Canceling a Job (1.0.0), updated 2024-05-23',
    url: 'https://support.huaweicloud.com/intl/en-us/api-ges/ges_03_0038.html',
    source: 'the page as Huawei serves it (huaweicloudDocs/ges stops in 2021)',
    factBase: 'S12',
  },
  'execute-algorithm': {
    title: '执行算法(1.0.0) (Running an Algorithm)',
    source: `${DOCS_REPO}执行算法(1-0-0).md`,
    factBase: 'S8',
  },
  'algorithm-parameters': {
    title: '算法公共参数 (Common Algorithm Parameters)',
    source: `${DOCS_REPO}算法公共参数.md`,
    factBase: 'S8',
  },
  'shortest-path-of-vertex-sets': {
    title: '点集最短路（shortest_path_of_vertex_sets）(2.1.5)',
    source: `${DOCS_REPO}点集最短路（shortest_path_of_vertex_sets）(2-1-5).md`,
    factBase: 'S8',
  },
  'error-codes': {
    title: '业务面API错误码 (Service-plane error codes)',
    url: 'https://support.huaweicloud.com/api-ges/ges_03_0110.html',
    source: `${DOCS_REPO}业务面API错误码.md`,
    factBase: 'S14, S8',
  },
  authentication: {
    title: '业务面API认证鉴权 (Service-plane authentication)',
    url: 'https://support.huaweicloud.com/intl/en-us/api-ges/ges_03_0112.html',
    source: `${DOCS_REPO}业务面API认证鉴权.md`,
    factBase: 'S15, S8',
  },
  'create-graph': {
    title: '创建图(2.2.2) (Creating a Graph)',
    source: `${DOCS_REPO}创建图(2-2-2).md`,
    factBase: 'S8',
  },
  'list-jobs-2025': {
    title: '查询job列表(2.2.13) - ListJobs, crawl of 2025-11-28',
    url: 'https://support.huaweicloud.com/api-ges/ges_03_0204.md',
    source: 'docs/reference/ges-pages-evidence.md §1.1, §1.5',
    factBase: 'S1md',
  },
  'cancel-job-2025': {
    title: '取消Job(1.0.0) (Canceling a Job), ges_03_0038 of 2025-11-28',
    url: 'https://support.huaweicloud.com/api-ges/ges_03_0038.html',
    source: 'the page as Huawei serves it, quoted in docs/reference/ges-async-apis.md §16',
    factBase: 'ges-async-apis.md §16',
  },
  'vertex-filter-query': {
    title: '点过滤查询(1.0.0) (Querying Vertices That Meet Filter Criteria)',
    source: `${DOCS_REPO}点过滤查询(1-0-0).md`,
    factBase: 'ges-async-apis.md §2',
  },
  'edge-filter-query': {
    title: '边过滤查询(1.0.0) (Querying Edges That Meet Filter Criteria)',
    source: `${DOCS_REPO}边过滤查询(1-0-0).md`,
    factBase: 'ges-async-apis.md §3',
  },
  'filtered-query': {
    title: 'Filtered-query(2.2.13)',
    url: 'https://support.huaweicloud.com/intl/zh-cn/api-ges/ges_03_0175.html',
    source: `${DOCS_REPO}Filtered-query-API(2-2-13).md`,
    factBase: 'ges-async-apis.md §4',
  },
  'export-filtered-vertices': {
    title: '导出过滤后的点(2.2.7) (Exporting Filtered Vertices)',
    source: `${DOCS_REPO}导出过滤后的点(2-2-7).md`,
    factBase: 'ges-async-apis.md §5',
  },
  'delete-filtered-vertices': {
    title: '删除过滤后的点(2.2.7) (Deleting Filtered Vertices)',
    source: `${DOCS_REPO}删除过滤后的点(2-2-7).md`,
    factBase: 'ges-async-apis.md §6',
  },
  'export-filtered-edges': {
    title: '导出过滤后的边(2.2.7) (Exporting Filtered Edges)',
    source: `${DOCS_REPO}导出过滤后的边(2-2-7).md`,
    factBase: 'ges-async-apis.md §7',
  },
  'delete-filtered-edges': {
    title: '删除过滤后的边(2.2.7) (Deleting Filtered Edges)',
    source: `${DOCS_REPO}删除过滤后的边(2-2-7).md`,
    factBase: 'ges-async-apis.md §8',
  },
  'batch-delete-edges': {
    title: '批量删除边(2.1.9; asynchronous 2.2.14) (Deleting Edges in Batches)',
    url: 'https://support.huaweicloud.com/api-ges/ges_03_0155.html',
    source: `${DOCS_REPO}批量删除边(2-1-9).md`,
    factBase: 'ges-async-apis.md §9',
  },
  'create-index': {
    title: '新建索引(1.1.6) (Creating an Index)',
    source: `${DOCS_REPO}新建索引(1-1-6).md`,
    factBase: 'ges-async-apis.md §10',
  },
  'delete-index': {
    title: '删除索引(1.1.6) (Deleting an Index)',
    source: `${DOCS_REPO}删除索引(1-1-6).md`,
    factBase: 'ges-async-apis.md §11',
  },
  'export-job-result': {
    title: "导出job返回结果到文件(2.2.1) (Exporting a Job's Result to a File)",
    url: 'https://support.huaweicloud.com/api-ges/ges_03_0172.html',
    source: `${DOCS_REPO}导出job返回结果到文件(2-2-1).md`,
    factBase: 'ges-async-apis.md §12',
  },
  'import-graph': {
    title: '导入图(2.1.14) (Importing a Graph), service plane',
    url: 'https://support.huaweicloud.com/api-ges/ges_03_0228.html',
    source: 'the page as Huawei serves it (huaweicloudDocs/ges holds only the management-plane import)',
    factBase: 'ges-async-apis.md §13',
  },
} as const satisfies Record<string, GesPage>;

/** A page a rule may cite. */
export type GesPageId = keyof typeof gesPages;

/**
 * What backs a rule: a page's own words (`says`), what a documented example shows (`shows`), or,
 * when no page states it, the project's decision or inference with its reason.
 */
export type Evidence =
  | { page: GesPageId; says: string }
  | { page: GesPageId; shows: string }
  | { decision: string }
  | { inference: string };

/** A level: `must` fails a run, `should` warns unless --strict. */
export type Level = 'must' | 'should';

/** Whether a piece of evidence is a page's (its words or its example). */
export function citesPage(evidence: Evidence): evidence is Extract<Evidence, { page: GesPageId }> {
  return 'page' in evidence;
}

/** `must` exactly when a page or a documented example states it; a decision or an inference is `should`. */
export function levelOf(evidence: readonly Evidence[]): Level {
  return evidence.some(citesPage) ? 'must' : 'should';
}

/** One piece of evidence in a line: `查询job列表(2.2.13) (Listing Jobs) says “…”`, `decision: …`. */
export function describeEvidence(evidence: Evidence): string {
  if ('says' in evidence) return `${gesPages[evidence.page].title} says “${evidence.says}”`;
  if ('shows' in evidence) return `the example of ${gesPages[evidence.page].title} shows ${evidence.shows}`;
  if ('decision' in evidence) return `decision: ${evidence.decision}`;
  return `inference: ${evidence.inference}`;
}
