/**
 * The mock's control API as the dashboard uses it. `POST /__mock/clock` is answered by MSW in the
 * browser and by the standalone server behind the proxy alike, so this works in both modes.
 */

/** Moves the mock's virtual clock forward by `ms`. */
export async function advanceMockClock(ms: number): Promise<void> {
  const response = await fetch('/__mock/clock', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  });
  if (!response.ok) throw new Error(`POST /__mock/clock answered ${response.status}`);
}
