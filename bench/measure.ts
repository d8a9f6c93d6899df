// Timing and allocation measurements for the benchmark.
import { PerformanceObserver } from "node:perf_hooks";
import type { Step } from "./workloads";

/** Median wall time of one step, in microseconds, over `runs` timed batches after a warm-up. */
export function medianMicros(step: Step, { warmup = 200, runs = 31, minMillis = 20 } = {}): number {
  for (let i = 0; i < warmup; i++) step();
  // Steps per timed batch, chosen so that a batch lasts at least `minMillis`.
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) step();
    if (performance.now() - t0 >= minMillis) break;
    reps *= 2;
  }
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) step();
    times.push(((performance.now() - t0) * 1000) / reps);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * What `steps` training steps allocate once buffers exist: the change in heap and in ArrayBuffer
 * memory (typed arrays live there), and how many garbage collections ran meanwhile. A step that
 * allocates nothing leaves all three at (about) zero however many steps run.
 */
export async function allocation(step: Step, steps = 20_000): Promise<{ heapBytesPerStep: number; arrayBufferBytes: number; gcs: number }> {
  // Buffers and optimizer state are created in the first step; the JIT settles over the first thousands.
  for (let i = 0; i < 5000; i++) step();
  (globalThis as { gc?: () => void }).gc?.();
  let gcs = 0;
  const obs = new PerformanceObserver((list) => (gcs += list.getEntries().length));
  obs.observe({ entryTypes: ["gc"] });
  const before = process.memoryUsage();
  for (let i = 0; i < steps; i++) step();
  const after = process.memoryUsage();
  await new Promise((r) => setTimeout(r, 50)); // let the observer deliver
  obs.disconnect();
  return {
    heapBytesPerStep: (after.heapUsed - before.heapUsed) / steps,
    arrayBufferBytes: after.arrayBuffers - before.arrayBuffers,
    gcs,
  };
}

/**
 * Median CPU time (user + system of this process) of one step, in microseconds, over `runs` timed batches after a
 * warm-up. Unlike wall time it barely moves when other processes share the cores, so it is the steadier figure on a
 * busy machine; it counts every thread of the process (garbage collector included).
 */
export function medianCpuMicros(step: Step, { warmup = 200, runs = 31, minMillis = 20 } = {}): number {
  for (let i = 0; i < warmup; i++) step();
  let reps = 1;
  for (;;) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < reps; i++) step();
    const c = process.cpuUsage(c0);
    if ((c.user + c.system) / 1000 >= minMillis) break;
    reps *= 2;
  }
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < reps; i++) step();
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / reps);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
