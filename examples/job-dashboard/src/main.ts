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
const query = new URLSearchParams(location.search);

if (!standalone) {
  // Loaded on demand so the standalone build never ships MSW or the engine.
  const { startMockWorker } = await import('./start-mock-worker.js');
  // ?speed=0 holds the in-browser mock's clock still (the standalone server has --speed for that).
  const speed = query.get('speed');
  await startMockWorker(speed === null || speed === '' || !Number.isFinite(Number(speed)) ? undefined : Number(speed));
}
if (modeLabel) {
  modeLabel.textContent = standalone ? 'standalone mock via Vite proxy' : 'MSW worker in this tab';
  modeLabel.dataset.mode = standalone ? 'standalone' : 'msw';
}

const pollMs = Number(query.get('poll') ?? '1000') || 1000;
startDashboard({
  client: createGesClient({ baseUrl: location.origin, projectId: PROJECT_ID, token: TOKEN }),
  advanceClock: advanceMockClock,
  pollMs,
});
