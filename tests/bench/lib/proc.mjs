import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Every child the harness starts, so an interrupted run still stops them (by pid). */
const children = new Set();

export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A Node child with an IPC channel. `call(msg)` sends a command and resolves with the
 * child's reply (matched by id); `waitFor(pattern)` waits for a line on stdout/stderr.
 */
export function startNode(script, args = [], { env = process.env, execArgv = [], name = script, cwd } = {}) {
  const child = spawn(process.execPath, [...execArgv, script, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  children.add(child);
  let output = '';
  const waiters = new Set();
  const onData = (chunk) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
    for (const w of waiters) w();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let nextId = 1;
  const pending = new Map();
  const listeners = new Set();
  child.on('message', (message) => {
    if (message && message.id !== undefined && pending.has(message.id)) {
      const { resolve } = pending.get(message.id);
      pending.delete(message.id);
      resolve(message.result ?? message);
      return;
    }
    for (const l of listeners) l(message);
  });
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      for (const { reject } of pending.values()) reject(new Error(`${name} exited (${code ?? signal}) while answering; output:\n${output.slice(-3000)}`));
      pending.clear();
      for (const w of waiters) w();
      resolve({ code, signal });
    }),
  );
  return {
    child,
    name,
    pid: child.pid,
    exited,
    output: () => output,
    onMessage: (l) => listeners.add(l),
    call(message, timeoutMs = 600_000) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${name}: no answer to ${message.cmd} within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        });
        child.send({ ...message, id });
      });
    },
    waitFor(pattern, timeoutMs = 90_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = output.match(pattern);
          if (match) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(match);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`${name} exited before ${pattern}; output:\n${output.slice(-3000)}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${name}: timed out waiting for ${pattern}; output:\n${output.slice(-3000)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async stop(signal = 'SIGTERM', graceMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** Registers a child started elsewhere (redis-server) so an interrupted run stops it too. */
export function track(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Stops whatever is still running (by pid, only our own children). */
export function killAllChildren() {
  for (const child of children) {
    try {
      child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/** Share of one core used between two process.cpuUsage() readings over `wallMs`. */
export function cpuShare(before, after, wallMs) {
  if (!before || !after || wallMs <= 0) return null;
  return (after.user - before.user + after.system - before.system) / 1000 / wallMs;
}

/** CPU seconds (user+system) of any pid from /proc, for processes without a probe (PostgreSQL, redis). */
export function procCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (100 Hz)
  } catch {
    return 0;
  }
}

/**
 * Total CPU seconds of the whole machine (all cores), for "how busy was the box"; steal is
 * time the hypervisor gave to other guests (on a shared VM it shows up as "busy").
 */
export function machineCpu() {
  const [line] = readFileSync('/proc/stat', 'utf8').split('\n');
  const values = line.split(/\s+/).slice(1).map(Number);
  const idle = values[3] + values[4];
  const total = values.reduce((a, b) => a + b, 0);
  return { idle: idle / 100, total: total / 100, steal: (values[7] ?? 0) / 100 };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
