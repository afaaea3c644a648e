import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { NestPinoLogger } from '../../apps/api/src/logging/logger.js';
import { createPrettyStream } from '../../apps/api/src/logging/pretty-stream.js';

function sink() {
  const lines: string[] = [];
  return { lines, write: (chunk: string) => lines.push(chunk) };
}

describe('readable terminal logs', () => {
  it('prints a request line as time, level, message, method, path, status and duration', () => {
    const out = sink();
    const stream = createPrettyStream(out, false);
    stream.write(`${JSON.stringify({ level: 30, time: Date.UTC(2026, 0, 1, 9, 5, 7), service: 'kindred-api', msg: 'incoming request', req: { id: 'req-1', method: 'GET', path: '/api/rooms' }, reqId: 'req-1' })}\n`);
    stream.write(`${JSON.stringify({ level: 30, time: 0, msg: 'request completed', res: { statusCode: 200 }, responseTime: 3.14159, reqId: 'req-1' })}\n`);
    expect(out.lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO {2}incoming request GET \/api\/rooms reqId=req-1\n$/);
    expect(out.lines[1]).toMatch(/ INFO {2}request completed 200 3\.1 ms reqId=req-1\n$/);
    expect(out.lines.join('')).not.toContain('kindred-api');
  });

  it('shows the Nest context, an error stack on the next lines, and colour only when asked', () => {
    const plain = sink();
    createPrettyStream(plain, false).write(`${JSON.stringify({ level: 50, time: 0, context: 'ChatGateway', msg: 'failed', err: { message: 'boom', stack: 'Error: boom\n    at x' } })}\n`);
    expect(plain.lines[0]).toMatch(/ ERROR \[ChatGateway\] failed\nError: boom\n {4}at x\n$/);
    const coloured = sink();
    createPrettyStream(coloured, true).write(`${JSON.stringify({ level: 40, time: 0, msg: 'careful' })}\n`);
    expect(coloured.lines[0]).toContain('\u001b[33mWARN \u001b[0m');
  });

  it('passes through a line that is not JSON unchanged', () => {
    const out = sink();
    createPrettyStream(out, false).write('plain words\n');
    expect(out.lines).toEqual(['plain words\n']);
  });

  it("logs Nest's per-route start-up lines at debug and its other messages at info", () => {
    const out = sink();
    const nest = new NestPinoLogger(pino({ level: 'trace' }, out));
    nest.log('Mapped {/api/rooms, GET} route', 'RouterExplorer');
    nest.log('Nest application successfully started', 'NestApplication');
    const levels = out.lines.map((line) => (JSON.parse(line) as { level: number; context: string }));
    expect(levels.map(({ level, context }) => [context, level])).toEqual([['RouterExplorer', 20], ['NestApplication', 30]]);
  });
});
