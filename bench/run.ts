// `npm run bench`: median time per training step of the course engine against a hand-written
// Float64Array loop and TensorFlow.js (CPU and WASM backends), on the same weights and data;
// then how much the engine allocates per step once its buffers exist.
import { workloads, makeProblem, type Step } from "./workloads";
import { handwritten } from "./handwritten";
import { engineStep } from "./engine";
import { tfjsStep, useBackend } from "./tfjs";
import { medianMicros, medianCpuMicros, allocation } from "./measure";
import { rnnWorkload, makeRnnProblem } from "./rnn-workload";
import { rnnEngineStep } from "./rnn-engine";
import { rnnHandwritten } from "./rnn-handwritten";
import { rnnTfjsStep } from "./rnn-tfjs";

interface Row { workload: string; engine: number; hand: number; cpu: number; wasm: number; lossGap: number }
const rows: Row[] = [];

for (const w of workloads) {
  const p = makeProblem(w);
  const engine = engineStep(w, p), hand = handwritten(w, p);
  // The same arithmetic: the first losses agree (float64 engines exactly, tfjs to float32 precision).
  const lossGap = Math.abs(engineStep(w, p)() - handwritten(w, p)());
  const row: Row = { workload: w.name, engine: medianMicros(engine), hand: medianMicros(hand), cpu: NaN, wasm: NaN, lossGap };
  for (const backend of ["cpu", "wasm"] as const) {
    await useBackend(backend);
    const step: Step = tfjsStep(w, p);
    row[backend] = medianMicros(step, { warmup: 30, runs: 11, minMillis: 50 });
  }
  rows.push(row);
  console.error(`measured ${w.name}`);
}

// Workload (c): a tanh RNN, forward and backpropagation through time, loss on a read-out of h_T, Adam.
let cpuRow: Row | undefined;
{
  const w = rnnWorkload, p = makeRnnProblem(w);
  const lossGap = Math.abs(rnnEngineStep(w, p)() - rnnHandwritten(w, p)());
  const row: Row = { workload: w.name, engine: medianMicros(rnnEngineStep(w, p)), hand: medianMicros(rnnHandwritten(w, p)), cpu: NaN, wasm: NaN, lossGap };
  // The same four engines in CPU time, the steadier figure when other processes share the cores.
  cpuRow = { workload: w.name, engine: medianCpuMicros(rnnEngineStep(w, p)), hand: medianCpuMicros(rnnHandwritten(w, p)), cpu: NaN, wasm: NaN, lossGap };
  for (const backend of ["cpu", "wasm"] as const) {
    await useBackend(backend);
    row[backend] = medianMicros(rnnTfjsStep(w, p), { warmup: 30, runs: 11, minMillis: 50 });
    cpuRow[backend] = medianCpuMicros(rnnTfjsStep(w, p), { warmup: 30, runs: 11, minMillis: 50 });
  }
  rows.push(row);
  console.error(`measured ${w.name}`);
}

const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const r = (x: number) => `${x.toFixed(1)}×`;
console.log("\nMedian time per training step (µs; forward, backward, Adam update). Ratios: how many times faster the engine is.\n");
console.log("| workload | engine | hand-written | tfjs CPU | tfjs WASM | vs CPU | vs WASM | engine / hand-written |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const x of rows) {
  console.log(`| ${x.workload} | ${f(x.engine)} | ${f(x.hand)} | ${f(x.cpu)} | ${f(x.wasm)} | ${r(x.cpu / x.engine)} | ${r(x.wasm / x.engine)} | ${(x.engine / x.hand).toFixed(2)} |`);
}
if (cpuRow) {
  const x = cpuRow;
  console.log("\nWorkload (c) in CPU time per step (µs, user + system of this process; steadier than wall time on shared cores):\n");
  console.log("| workload | engine | hand-written | tfjs CPU | tfjs WASM | vs CPU | vs WASM | engine / hand-written |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  console.log(`| ${x.workload} | ${f(x.engine)} | ${f(x.hand)} | ${f(x.cpu)} | ${f(x.wasm)} | ${r(x.cpu / x.engine)} | ${r(x.wasm / x.engine)} | ${(x.engine / x.hand).toFixed(2)} |`);
}
console.log(`\nFirst-step loss, engine vs hand-written: largest difference ${Math.max(...rows.map((x) => x.lossGap)).toExponential(1)}.`);

console.log("\nAllocation during 20,000 engine steps after warm-up (workload (a), batch 64):");
const a = workloads[0];
const alloc = await allocation(engineStep(a, makeProblem(a)));
console.log(`heap change per step ${alloc.heapBytesPerStep.toFixed(2)} bytes; ArrayBuffer change ${alloc.arrayBufferBytes} bytes; garbage collections ${alloc.gcs}`);

console.log("\nAllocation during 20,000 engine steps after warm-up (workload (c), RNN T=20, batch 8):");
const allocC = await allocation(rnnEngineStep(rnnWorkload, makeRnnProblem(rnnWorkload)));
console.log(`heap change per step ${allocC.heapBytesPerStep.toFixed(2)} bytes; ArrayBuffer change ${allocC.arrayBufferBytes} bytes; garbage collections ${allocC.gcs}`);
