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

interface Row {
  workload: string;
  engine: number;
  hand: number;
  cpu: number;
  wasm: number;
  lossGap: number;
}
type Timer = (step: Step, options?: { warmup?: number; runs?: number; minMillis?: number }) => number;
const wall: Row[] = [],
  cpuTime: Row[] = [];

/** One workload's four engines, timed by wall clock and by this process's CPU time. */
async function measure(name: string, engine: () => Step, hand: () => Step, tf: () => Step) {
  // The same arithmetic: the first losses agree (float64 engines exactly, tfjs to float32 precision).
  const lossGap = Math.abs(engine()() - hand()());
  for (const [timer, rows] of [
    [medianMicros, wall],
    [medianCpuMicros, cpuTime],
  ] as [Timer, Row[]][]) {
    const row: Row = { workload: name, engine: timer(engine()), hand: timer(hand()), cpu: NaN, wasm: NaN, lossGap };
    for (const backend of ["cpu", "wasm"] as const) {
      await useBackend(backend);
      row[backend] = timer(tf(), { warmup: 30, runs: 11, minMillis: 50 });
    }
    rows.push(row);
  }
  console.error(`measured ${name}`);
}

for (const w of workloads) {
  const p = makeProblem(w);
  await measure(
    w.name,
    () => engineStep(w, p),
    () => handwritten(w, p),
    () => tfjsStep(w, p),
  );
}
// Workload (c): a tanh RNN, forward and backpropagation through time, loss on a read-out of h_T, Adam.
{
  const w = rnnWorkload,
    p = makeRnnProblem(w);
  await measure(
    w.name,
    () => rnnEngineStep(w, p),
    () => rnnHandwritten(w, p),
    () => rnnTfjsStep(w, p),
  );
}

const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const r = (x: number) => `${x.toFixed(1)}×`;
function table(title: string, rows: Row[]) {
  console.log(`\n${title}\n`);
  console.log("| workload | engine | hand-written | tfjs CPU | tfjs WASM | vs CPU | vs WASM | engine / hand-written |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const x of rows) {
    console.log(
      `| ${x.workload} | ${f(x.engine)} | ${f(x.hand)} | ${f(x.cpu)} | ${f(x.wasm)} | ${r(x.cpu / x.engine)} | ${r(x.wasm / x.engine)} | ${(x.engine / x.hand).toFixed(2)} |`,
    );
  }
}
table("Median wall time per training step (µs; forward, backward, Adam update). Ratios: how many times faster the engine is.", wall);
table(
  "Median CPU time per training step (µs, user + system of this process: steadier than wall time when other processes share the cores).",
  cpuTime,
);
const rows = wall;
console.log(`\nFirst-step loss, engine vs hand-written: largest difference ${Math.max(...rows.map((x) => x.lossGap)).toExponential(1)}.`);

// The harness itself (a call that returns a number) shows a few bytes per step and an occasional GC in V8;
// an empty step measured the same way is the floor to compare with.
let k = 0;
const empty = () => ++k * 0.5;
const a = workloads[0];
const allocRows: [string, Step][] = [
  ["empty step (the harness alone)", empty],
  ["(a) engine, batch 64", engineStep(a, makeProblem(a))],
  ["(a) hand-written, batch 64", handwritten(a, makeProblem(a))],
  ["(c) engine, RNN T=20, batch 8", rnnEngineStep(rnnWorkload, makeRnnProblem(rnnWorkload))],
];
console.log("\nAllocation over 20,000 steps after 5,000 warm-up steps (heap change per step, ArrayBuffer change, garbage collections):\n");
console.log("| step | heap bytes per step | ArrayBuffer bytes | GCs |");
console.log("| --- | --- | --- | --- |");
for (const [name, step] of allocRows) {
  const r = await allocation(step);
  console.log(`| ${name} | ${r.heapBytesPerStep.toFixed(2)} | ${r.arrayBufferBytes} | ${r.gcs} |`);
}
