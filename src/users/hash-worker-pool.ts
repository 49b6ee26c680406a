import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createAnswerBatches } from './answer-batches.js';

/** A job for a hashing worker; answered with a string, a boolean, or an error. */
export type HashJob =
  | { op: 'argon2-hash'; password: string; options: object }
  | { op: 'argon2-verify'; hash: string; password: string }
  | { op: 'bcrypt-verify'; hash: string; password: string };

const require = createRequire(import.meta.url);

// CommonJS by `eval`, so it runs the same under tsx, the tests and the compiled build. The
// worker drops its own thread to the lowest CPU priority first: hashing then only takes
// what the event loop leaves, and other requests' latency does not suffer (DESIGN §11).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const os = require('node:os');
try { os.setPriority(0, 19); } catch {}
const argon2 = require(workerData.argon2);
const bcrypt = require(workerData.bcrypt);
parentPort.on('message', (job) => {
  const start = performance.now();
  try {
    let result;
    if (job.op === 'argon2-hash') result = argon2.hashSync(job.password, job.options);
    else if (job.op === 'argon2-verify') result = argon2.verifySync(job.hash, job.password);
    else result = bcrypt.compareSync(job.password, job.hash);
    parentPort.postMessage({ result, ms: performance.now() - start });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error), ms: performance.now() - start });
  }
});
`;

/** A worker's answer to one job, with how long the job ran (milliseconds). */
interface Answer {
  result?: unknown;
  error?: string;
  ms: number;
}

interface Pending {
  job: HashJob;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** Jobs sent to the worker, answered in this order. */
  jobs: Pending[];
  idleTimer: NodeJS.Timeout | undefined;
}

/**
 * Jobs a worker holds at once: the one it runs and the next, which it starts as soon as it
 * posts an answer, without waiting for the event loop to read that answer and send more.
 * The loop can be busy then (other requests, a commit), and every such wait is hashing
 * time lost.
 */
const JOBS_PER_WORKER = 2;

/**
 * While saturated, answers are handed to the event loop in batches of this many per worker,
 * or once the first has waited this many times a job's recent duration (see
 * createAnswerBatches): with two workers, six answers, 40 ms on the bench's machine.
 */
const BATCH_PER_WORKER = 3;
const BATCH_WINDOW_JOBS = 3.5;

/**
 * Password hashing off the event loop, in `size` worker threads of lowered priority (Node's
 * libuv pool of 4 threads at normal priority would compete with the event loop for the
 * cores). Workers start on demand, hold the process open only while they work, and exit
 * after `idleMs` without work.
 */
export function createHashWorkerPool(size?: number, idleMs = 10_000) {
  // Without a fixed size, one worker per core the process may use now: read per job, so a
  // process whose CPU affinity widens after start (a container resized, a pinned benchmark
  // given both cores) uses them all.
  const capacity = () => size ?? availableParallelism();
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  const batches = createAnswerBatches();
  /** A recent job's duration, in milliseconds (a moving average). */
  let jobMs: number | undefined;
  const paths = { argon2: require.resolve('@node-rs/argon2'), bcrypt: require.resolve('@node-rs/bcrypt') };

  function spawn(): Slot {
    const slot: Slot = { worker: new Worker(WORKER_SOURCE, { eval: true, workerData: paths }), jobs: [], idleTimer: undefined };
    slot.worker.on('message', ({ result, error, ms }: Answer) => {
      const done = slot.jobs.shift()!;
      jobMs = jobMs === undefined ? ms : 0.8 * jobMs + 0.2 * ms;
      batches.deliver(() => (error === undefined ? done.resolve(result) : done.reject(new Error(error))), {
        saturated: queue.length > 0,
        limit: BATCH_PER_WORKER * slots.length,
        windowMs: BATCH_WINDOW_JOBS * jobMs,
      });
      if (queue.length > 0) return drain();
      if (slot.jobs.length === 0) retire(slot);
    });
    slot.worker.on('error', (error) => {
      slots.splice(slots.indexOf(slot), 1);
      for (const pending of slot.jobs.splice(0)) pending.reject(error);
      drain();
    });
    slots.push(slot);
    return slot;
  }

  function start(slot: Slot, pending: Pending): void {
    clearTimeout(slot.idleTimer);
    slot.jobs.push(pending);
    slot.worker.ref();
    slot.worker.postMessage(pending.job);
  }

  function retire(slot: Slot): void {
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => {
      slots.splice(slots.indexOf(slot), 1);
      void slot.worker.terminate();
    }, idleMs).unref();
  }

  /** The least loaded worker that can take a job: an idle one, a new one, then a second job for a busy one. */
  function freeSlot(): Slot | undefined {
    const idle = slots.find((s) => s.jobs.length === 0);
    if (idle) return idle;
    if (slots.length < capacity()) return spawn();
    return slots.find((s) => s.jobs.length < JOBS_PER_WORKER);
  }

  function drain(): void {
    while (queue.length > 0) {
      const slot = freeSlot();
      if (!slot) return;
      start(slot, queue.shift()!);
    }
  }

  return {
    run<T>(job: HashJob): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ job, resolve: resolve as (value: unknown) => void, reject });
        drain();
      });
    },
  };
}
