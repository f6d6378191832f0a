/** ges-jobs-kit/server: the standalone node:http mock. */
export { startGesServer, type GesServer, type GesServerOptions } from './start-ges-server.js';
export { parseFixtureText, readFixtureFile } from '../fixtures/read-fixture-file.js';
export type { OnRequest, RequestRecord } from './to-node-listener.js';
