import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The room page is the landing chunk plus what it imports statically; lazy routes are excluded. */
const BUDGET_KIB = 120;

interface ChunkLike {
  type: 'chunk';
  code: string;
  isEntry: boolean;
  imports: string[];
}

/**
 * Prints the initial JavaScript (gzip) that the landing, room and thread pages load, and fails
 * the build when it grows past the budget, so a heavy import is noticed when it is added.
 */
export function initialJsBudget(): Plugin {
  return {
    name: 'kindred-initial-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkLike>();
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type === 'chunk') chunks.set(fileName, output as unknown as ChunkLike);
      }
      const seen = new Set<string>();
      const visit = (fileName: string) => {
        if (seen.has(fileName)) return;
        seen.add(fileName);
        for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
      };
      for (const [fileName, chunk] of chunks) if (chunk.isEntry) visit(fileName);

      let bytes = 0;
      for (const fileName of seen) bytes += gzipSync(chunks.get(fileName)?.code ?? '').length;
      const kib = bytes / 1024;
      const line = `Initial JS for the room page: ${kib.toFixed(1)} KiB gzip (${seen.size} files; budget ${BUDGET_KIB} KiB)`;
      // Written straight to stdout: plugin info messages are hidden at Vite's default log level.
      process.stdout.write(`\n${line}\n`);
      if (kib > BUDGET_KIB) {
        // The biggest files first: where to look for something the first paint does not need.
        const sizes = [...seen].map((f) => ({ f, kib: gzipSync(chunks.get(f)?.code ?? '').length / 1024 })).sort((a, b) => b.kib - a.kib);
        process.stdout.write(sizes.map(({ f, kib: k }) => `  ${k.toFixed(1).padStart(6)} KiB  ${f}`).join('\n') + '\n');
        this.error(`${line}: over budget. Lazy-load what the room page does not need.`);
      }
    },
  };
}
