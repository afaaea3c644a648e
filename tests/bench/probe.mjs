/**
 * Preloaded into each server the harness starts (`node --import probe.mjs …`). Over the IPC
 * channel it answers with memory and CPU use, runs a GC before memory readings, and takes
 * CPU profiles of just the measured phase. It changes nothing in the app itself.
 */
import { writeFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
import { Session } from 'node:inspector/promises';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

if (process.send) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let session;
  // Heap right after V8's own full collections: a leak signal that needs no forced GC (a
  // forced one pauses the app, and would show up in the latencies being measured).
  const gc = { heapAfterMajorGc: null, majorGcs: 0, pauseMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.pauseMs += entry.duration;
      if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        gc.majorGcs += 1;
        gc.heapAfterMajorGc = process.memoryUsage().heapUsed;
      }
    }
  }).observe({ entryTypes: ['gc'] });

  const answer = async (message) => {
    switch (message.cmd) {
      case 'stats': {
        if (message.gc && global.gc) {
          global.gc();
          await new Promise((r) => setTimeout(r, 50));
          global.gc();
        }
        const stats = {
          mem: process.memoryUsage(),
          // The young generation's committed pages: V8 grows them under allocation and gives them
          // back when idle, whatever the app holds (up to 3 × 64 MB with Kindred's semi-space flag).
          youngMb: getHeapSpaceStatistics()
            .filter((s) => s.space_name === 'new_space' || s.space_name === 'new_large_object_space')
            .reduce((sum, s) => sum + s.physical_space_size, 0) / 1048576,
          cpu: process.cpuUsage(),
          at: performance.now(),
          loopP99Ms: loop.percentile(99) / 1e6,
          loopMaxMs: loop.max / 1e6,
          // Open sockets, timers and other handles: a leak of these shows before memory does.
          activeResources: process.getActiveResourcesInfo().length,
          gc: { ...gc },
        };
        if (message.resetLoop) loop.reset();
        return stats;
      }
      case 'profile-start':
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 200 });
        await session.post('Profiler.start');
        // Allocations too: bytes allocated per function are what GC time is paid for, and unlike
        // timings they do not change with other work on the machine.
        await session.post('HeapProfiler.enable');
        await session.post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
        return {};
      case 'profile-stop': {
        if (!session) return {};
        const { profile } = await session.post('Profiler.stop');
        const { profile: allocations } = await session.post('HeapProfiler.stopSampling');
        session.disconnect();
        session = undefined;
        writeFileSync(message.path, JSON.stringify(profile));
        const heapPath = message.path.replace(/\.cpuprofile$/, '.heapprofile');
        writeFileSync(heapPath, JSON.stringify(allocations));
        return { path: message.path, heapPath };
      }
      case 'heap-snapshot': {
        const { writeHeapSnapshot } = await import('node:v8');
        return { path: writeHeapSnapshot(message.path) };
      }
      default:
        return { error: `unknown ${message.cmd}` };
    }
  };

  process.on('message', (message) => {
    if (!message || message.probe !== true) return;
    answer(message)
      .then((result) => process.send({ probe: true, id: message.id, result }))
      .catch((error) => process.send({ probe: true, id: message.id, result: { error: String(error) } }));
  });
  // The channel must not keep a stopping server alive.
  process.channel?.unref();
}
