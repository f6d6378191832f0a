/** ges-jobs-kit/server: the standalone node:http mock. */
export { startGesServer, type GesServer, type GesServerOptions } from './start-ges-server.js';
export type { OnRequest, RequestRecord } from './to-node-listener.js';
