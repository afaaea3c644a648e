/**
 * Turns pino's JSON lines into one short readable line each, for a person watching
 * `npm start` in a terminal. Machines (pipes, files, containers without a TTY) keep the JSON.
 * Formatting happens after pino's redaction and serializers, so it shows nothing the JSON
 * would not.
 */
const LEVELS: Record<number, { label: string; colour: number }> = {
  10: { label: 'TRACE', colour: 90 },
  20: { label: 'DEBUG', colour: 36 },
  30: { label: 'INFO ', colour: 32 },
  40: { label: 'WARN ', colour: 33 },
  50: { label: 'ERROR', colour: 31 },
  60: { label: 'FATAL', colour: 35 },
};

// Fields every line carries, or that the line already shows in its own place.
const SHOWN_ELSEWHERE = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service', 'component', 'context', 'err', 'trace']);

export interface LineSink {
  write(chunk: string): unknown;
}

export function createPrettyStream(out: LineSink, colour: boolean): LineSink {
  const paint = (code: number, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n')) {
        if (line) out.write(`${formatLine(line, paint)}\n`);
      }
      return true;
    },
  };
}

function formatLine(line: string, paint: (code: number, text: string) => string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = LEVELS[entry.level as number] ?? { label: String(entry.level), colour: 0 };
  const time = typeof entry.time === 'number' ? new Date(entry.time).toTimeString().slice(0, 8) : '';
  const parts = [paint(90, time), paint(level.colour, level.label)];
  if (typeof entry.context === 'string') parts.push(paint(90, `[${entry.context}]`));
  if (entry.msg !== undefined) parts.push(String(entry.msg));
  parts.push(...describeRequest(entry));
  for (const [key, value] of Object.entries(entry)) {
    if (SHOWN_ELSEWHERE.has(key) || key === 'req' || key === 'res' || key === 'responseTime') continue;
    parts.push(paint(90, `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`));
  }
  const err = entry.err as { stack?: string; message?: string } | undefined;
  const stack = err?.stack ?? err?.message ?? (typeof entry.trace === 'string' ? entry.trace : undefined);
  return stack ? `${parts.join(' ')}\n${paint(90, stack)}` : parts.join(' ');
}

/** Fastify's request lines as `GET /api/rooms 200 3.1 ms`. */
function describeRequest(entry: Record<string, unknown>): string[] {
  const req = entry.req as { method?: string; path?: string } | undefined;
  const res = entry.res as { statusCode?: number } | undefined;
  const out: string[] = [];
  if (req) out.push(`${req.method ?? ''} ${req.path ?? ''}`.trim());
  if (res?.statusCode !== undefined) out.push(String(res.statusCode));
  if (typeof entry.responseTime === 'number') out.push(`${entry.responseTime.toFixed(1)} ms`);
  return out;
}
