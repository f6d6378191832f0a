// The browser pattern docs/frontend.md shows: the MSW worker in development only, loaded by a
// dynamic import behind import.meta.env.DEV, so a production build holds nothing of the kit or msw.
export async function enableMocking(): Promise<void> {
  if (!import.meta.env.DEV) return;
  const { setupGesWorker } = await import('ges-jobs-kit/msw/browser');
  const { worker } = setupGesWorker({ seed: 42 });
  const unhandled = { onUnhandledRequest: 'bypass', onUnhandledFrame: 'bypass' } as const;
  await worker.start(unhandled);
}
