/**
 * Entry point. Mode `development` (plain `vite`) starts the MSW worker first, so every GES call is
 * answered inside the browser; mode `standalone` (`vite --mode standalone`) leaves the network alone
 * and Vite's proxy forwards /ges and /__mock to `ges-mock serve`.
 */
import { createGesClient } from './ges-client.js';
import { startDashboard } from './dashboard.js';
import { advanceMockClock } from './mock-control.js';

/** Any project id of letters and digits works with the mock; real ones are 32 hex digits. */
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
/** The mock accepts any non-empty token unless it was started with --token. */
const TOKEN = 'dashboard-demo-token';

const standalone = import.meta.env.MODE === 'standalone';
const modeLabel = document.querySelector<HTMLElement>('#mode');

if (!standalone) {
  // Loaded on demand so the standalone build never ships MSW or the engine.
  const { startMockWorker } = await import('./start-mock-worker.js');
  await startMockWorker();
}
if (modeLabel) {
  modeLabel.textContent = standalone ? 'standalone mock via Vite proxy' : 'MSW worker in this tab';
  modeLabel.dataset.mode = standalone ? 'standalone' : 'msw';
}

const pollMs = Number(new URLSearchParams(location.search).get('poll') ?? '1000') || 1000;
startDashboard({
  client: createGesClient({ baseUrl: location.origin, projectId: PROJECT_ID, token: TOKEN }),
  advanceClock: advanceMockClock,
  pollMs,
});
