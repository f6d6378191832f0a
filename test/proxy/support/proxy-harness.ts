/**
 * What the proxy's tests start and stop: proxies (judging as ges-mock proxy does by default), the
 * independent engine and scripted upstreams, each closed after its test.
 */
import { afterEach } from 'vitest';
import { createLiveJudge } from '../../../contracts/live/create-live-judge.js';
import { createGesProxy, type GesProxy, type GesProxyOptions } from '../../../src/proxy/create-ges-proxy.js';
import { startIndependentEngine, type IndependentEngine } from '../../support/independent-engine/independent-engine.js';
import { startScriptedUpstream, type ScriptedUpstream } from './scripted-upstream.js';

/** Registers the closing of what a test starts (in reverse order, after each test); returns the starters. */
export function useProxyHarness() {
  const stops: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });
  return {
    /** A proxy in front of `upstream` on port 0, judging with the live judge unless told otherwise. */
    async proxyTo(upstream: string, options: Partial<GesProxyOptions> = {}): Promise<GesProxy> {
      const proxy = await createGesProxy({ upstream, port: 0, judge: createLiveJudge(), ...options });
      stops.push(() => proxy.close());
      return proxy;
    },
    async independent(): Promise<IndependentEngine> {
      const engine = await startIndependentEngine();
      stops.push(() => engine.close());
      return engine;
    },
    async scripted(answer: Parameters<typeof startScriptedUpstream>[0]): Promise<ScriptedUpstream> {
      const upstream = await startScriptedUpstream(answer);
      stops.push(() => upstream.close());
      return upstream;
    },
    /** Closes this too after the test. */
    later(stop: () => Promise<unknown>): void {
      stops.push(stop);
    },
  };
}
