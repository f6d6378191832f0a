/**
 * Starts the example dashboard's Vite dev server in-process, on a free port, with no file watching
 * (other work in the tree must not reload the page mid-test). Counts the GES requests that reached
 * Vite itself, so a test can prove the MSW worker answered them instead.
 */
import { fileURLToPath } from 'node:url';
import { createServer, type Plugin, type ViteDevServer } from 'vite';

const dashboardRoot = fileURLToPath(new URL('../../../examples/job-dashboard/', import.meta.url));

/** A running dashboard dev server. */
export interface DashboardServer {
  url: string;
  /** Requests for /ges/... and /__mock/... that reached the dev server (not the worker). */
  mockRequestsSeenByVite: string[];
  close(): Promise<void>;
}

/**
 * Starts the dashboard: mode 'development' serves the MSW build; mode 'standalone' proxies /ges and
 * /__mock to `mockUrl` (GES_PROXY_TARGET), exactly as the config's recipe does.
 */
export async function startDashboardServer(options: { mode: 'development' | 'standalone'; mockUrl?: string }): Promise<DashboardServer> {
  const mockRequestsSeenByVite: string[] = [];
  const counter: Plugin = {
    name: 'count-mock-requests',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url?.startsWith('/ges/') || req.url?.startsWith('/__mock')) mockRequestsSeenByVite.push(`${req.method} ${req.url}`);
        next();
      });
    },
  };
  const previous = process.env.GES_PROXY_TARGET;
  if (options.mockUrl) process.env.GES_PROXY_TARGET = options.mockUrl;
  let server: ViteDevServer;
  try {
    server = await createServer({
      configFile: `${dashboardRoot}vite.config.ts`,
      root: dashboardRoot,
      mode: options.mode,
      logLevel: 'warn',
      clearScreen: false,
      plugins: [counter],
      server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    });
  } finally {
    if (options.mockUrl) restoreEnv('GES_PROXY_TARGET', previous);
  }
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('Vite did not listen on a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    mockRequestsSeenByVite,
    close: () => server.close(),
  };
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
