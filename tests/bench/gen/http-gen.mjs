/**
 * HTTP load generator: autocannon in its own process. Latencies go into an HDR histogram in
 * microseconds (autocannon's response event carries the response time), and the process
 * reports its own CPU use so a saturated generator marks the run invalid.
 */
import autocannon from 'autocannon';
import { encode, newHistogram, recordMs } from '../lib/hist.mjs';

/** Sent bodies differ by a counter in `uniqueField`: the same words twice would be answered as a resend. */
let sent = 0;
const bodyOf = (body, uniqueField) => JSON.stringify(uniqueField ? { ...body, [uniqueField]: `${body[uniqueField]} (${process.pid}.${(sent += 1)})` } : body);

function run({ url, connections, durationS, method = 'GET', path, ids, body, uniqueField, headers = {} }, record) {
  return new Promise((resolve, reject) => {
    const hist = newHistogram();
    const statuses = {};
    const pick = () => ids[Math.floor(Math.random() * ids.length)];
    const instance = autocannon(
      {
        url,
        connections,
        duration: durationS,
        pipelining: 1,
        timeout: 30,
        headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
        requests: [
          {
            method,
            setupRequest: (req) => ({ ...req, path: path.replace(':id', pick()), ...(body ? { body: bodyOf(body, uniqueField) } : {}) }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, hist, statuses })),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      if (record) recordMs(hist, responseTime);
    });
  });
}

process.on('message', async (message) => {
  try {
    if (message.warmupS > 0) await run({ ...message, durationS: message.warmupS }, false);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { result, hist, statuses } = await run({ ...message, durationS: message.durationS }, true);
    const cpu = process.cpuUsage(cpu0);
    const wallMs = performance.now() - t0;
    process.send({
      id: message.id,
      result: {
        hist: encode(hist),
        requests: result.requests.total,
        reqPerSec: result.requests.total / result.duration,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statuses,
        cpuShare: (cpu.user + cpu.system) / 1000 / wallMs,
        wallMs,
      },
    });
  } catch (error) {
    process.send({ id: message.id, result: { error: String(error?.stack ?? error) } });
  }
});
process.on('disconnect', () => process.exit(0));
