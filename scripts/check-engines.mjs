// Fails when an installed direct dependency declares (package.json `engines.node`) that it does
// not support one of the Node.js lines we support, so an upgrade cannot quietly drop a line
// people still run (`npm ci` only warns about it). Part of `npm run check`.
//
// The supported lines are the root package.json `engines.node`, one `||` alternative per line;
// each is tested at its lowest version (e.g. `^20.19.0` -> 20.19.0), because the lowest one is
// the one a dependency drops first.
//
// Direct dependencies (every workspace's dependencies and devDependencies) fail the check.
// Dependencies of dependencies are listed as warnings: the fix for them is an `overrides` entry
// in the root package.json pinning an earlier release that still works (see README, "Node.js").
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

const rootManifest = readJson(join(root, 'package.json'));
const supportedRange = rootManifest.engines?.node;
if (!supportedRange) {
  console.error('check-engines: the root package.json has no engines.node');
  process.exit(1);
}
const floors = new semver.Range(supportedRange).set.map((comparators) =>
  semver.minVersion(new semver.Range(comparators.map((c) => c.value).join(' '))).version,
);

/** Node versions among `floors` that `range` (a dependency's engines.node) excludes. */
function excluded(range) {
  if (!range) return [];
  if (!semver.validRange(range)) return [`(unreadable range "${range}")`];
  return floors.filter((version) => !semver.satisfies(version, range));
}

const workspaceDirs = ['.', ...(rootManifest.workspaces ?? [])];
const workspaceNames = new Set(
  workspaceDirs.map((dir) => readJson(join(root, dir, 'package.json')).name),
);

/** The installed copy a workspace resolves `name` to: its own node_modules first, then the root's. */
function installedManifest(workspaceDir, name) {
  for (const base of [join(root, workspaceDir), root]) {
    const path = join(base, 'node_modules', name, 'package.json');
    if (existsSync(path)) return { path, manifest: readJson(path) };
  }
  return undefined;
}

const failures = [];
const directPaths = new Set();
for (const dir of workspaceDirs) {
  const manifest = readJson(join(root, dir, 'package.json'));
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  for (const name of names) {
    if (workspaceNames.has(name)) continue;
    const installed = installedManifest(dir, name);
    if (!installed) {
      failures.push(`${manifest.name}: ${name} is not installed (run npm ci)`);
      continue;
    }
    directPaths.add(installed.path);
    const bad = excluded(installed.manifest.engines?.node);
    if (bad.length > 0) {
      failures.push(
        `${manifest.name}: ${name}@${installed.manifest.version} declares node "${installed.manifest.engines.node}", excluding ${bad.join(', ')}`,
      );
    }
  }
}

// Everything else that is installed, from the lockfile's list of installed paths.
const warnings = [];
const lock = readJson(join(root, 'package-lock.json'));
for (const lockPath of Object.keys(lock.packages)) {
  if (!lockPath.includes('node_modules/')) continue;
  const path = join(root, lockPath, 'package.json');
  // Optional platform builds for other systems are in the lockfile but not on disk.
  if (directPaths.has(path) || !existsSync(path)) continue;
  const manifest = readJson(path);
  const bad = excluded(manifest.engines?.node);
  if (bad.length > 0) {
    warnings.push(`${lockPath}@${manifest.version} declares node "${manifest.engines.node}", excluding ${bad.join(', ')}`);
  }
}

for (const line of warnings) console.warn(`check-engines: warning: ${line}`);
if (failures.length > 0) {
  for (const line of failures) console.error(`check-engines: ${line}`);
  console.error(
    `check-engines: ${failures.length} direct dependenc${failures.length === 1 ? 'y excludes' : 'ies exclude'} a supported Node.js version (${floors.join(', ')}); pin an earlier release that supports them`,
  );
  process.exit(1);
}
console.log(
  `check-engines: every direct dependency supports Node.js ${floors.join(', ')} (root engines "${supportedRange}"); ${warnings.length} transitive warning(s)`,
);
