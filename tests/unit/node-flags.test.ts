import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

/**
 * The server's Node flags live in apps/api/package.json (kindred.nodeFlags; the benchmarks read
 * them there) and are repeated where the server is started: `npm start` and the Docker image.
 * A flag changed in one place only would make production differ from what was measured.
 */
const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const flags = (JSON.parse(read('apps/api/package.json')) as { kindred: { nodeFlags: string[] } }).kindred.nodeFlags;

describe('the server runs with the same Node flags everywhere', () => {
  it('declares at least the young generation size', () => {
    expect(flags).toEqual(expect.arrayContaining([expect.stringMatching(/^--max-semi-space-size=\d+$/)]));
  });

  it('npm start passes them', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start!;
    expect(start).toBe(`node ${flags.join(' ')} scripts/start.mjs`);
  });

  it('the Docker image passes them', () => {
    const cmd = read('Dockerfile').split('\n').filter((line) => line.startsWith('CMD ')).at(-1)!;
    expect(JSON.parse(cmd.slice('CMD '.length))).toEqual(['node', ...flags, 'apps/api/dist/main.js']);
  });
});
