/** ges-jobs-kit/server: the standalone node:http mock, and the proxy in front of a real engine. */
export { startGesServer, type GesServer, type GesServerOptions } from './start-ges-server.js';
export { parseFixtureText, readFixtureFile } from '../fixtures/read-fixture-file.js';
export type { OnRequest, RequestRecord } from './to-node-listener.js';
export {
  createGesProxy,
  VIOLATIONS_HEADER,
  type GesProxy,
  type GesProxyOptions,
  type ProxySettings,
  type ViolationReport,
} from '../proxy/create-ges-proxy.js';
export type { ProxyExchange, ProxyJudge, ProxyViolation, ReportFormat } from '../proxy/proxy-types.js';
export type { ListedViolation, ViolationExchange, ViolationFilter } from '../proxy/violation-list.js';
