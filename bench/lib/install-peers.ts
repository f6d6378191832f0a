/**
 * The other mock servers the bench measures (bench/peers/package.json, exact pins, committed lock)
 * stay out of the kit's own install: they weigh about 160 MB and one of them ships a 20 MB jar. The
 * bench installs them on demand with `npm ci` in bench/peers/, as the generator matrix does in
 * generators/; a run that may not install (smoke) uses whatever is there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/peers/, the peers' own package folder. */
export const PEERS_DIR = fileURLToPath(new URL('../peers/', import.meta.url));

/** The peers' package names, from bench/peers/package.json. */
function peerPackages(): string[] {
  const manifest = JSON.parse(readFileSync(join(PEERS_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  return Object.keys(manifest.dependencies);
}

/** The installed version of a peer package, or undefined when it is not installed. */
export function installedPeerVersion(name: string): string | undefined {
  const manifest = join(PEERS_DIR, 'node_modules', name, 'package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : undefined;
}

/**
 * Makes sure bench/peers/node_modules holds every peer: when one is missing and `install` is true,
 * runs `npm ci` there (bounded to 5 minutes). Returns a reason when they are not all there.
 */
export function ensurePeers(install: boolean, log: (line: string) => void): string | undefined {
  const missing = () => peerPackages().filter((name) => installedPeerVersion(name) === undefined);
  if (missing().length === 0) return undefined;
  if (!install) return `not installed (${missing().join(', ')}); npm run bench installs them, or: npm ci --prefix bench/peers`;
  log('peers: npm ci in bench/peers');
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEERS_DIR, encoding: 'utf8', timeout: 300_000 });
  if (npm.status !== 0)
    return `npm ci in bench/peers failed (${npm.error?.message ?? `exit ${npm.status}`}): ${(npm.stderr ?? '').slice(-600)}`;
  const still = missing();
  return still.length ? `still missing after npm ci: ${still.join(', ')}` : undefined;
}
