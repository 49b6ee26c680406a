// The raw argon2id ceiling: how many verifies per second this machine does with one thread
// per core and nothing else, with the parameters Gatehouse uses (m=19 MiB, t=2, p=1).
// With --low-priority each thread first drops to nice 19, as Gatehouse's hashing workers do:
// on a shared machine that is the CPU left to them by everything else.
// Prints {"verifiesPerSecond":…,"threads":…} as its last line.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const seconds = Number(process.argv[2] ?? 5);
const lowPriority = process.argv.includes('--low-priority');
const threads = availableParallelism();
const argon2Path = createRequire(import.meta.url).resolve('@node-rs/argon2');

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
if (workerData.lowPriority) require('node:os').setPriority(0, 19);
const { hashSync, verifySync, Algorithm } = require(workerData.argon2Path);
const hash = hashSync('correct horse battery staple', { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
verifySync(hash, 'correct horse battery staple');
const end = Date.now() + workerData.seconds * 1000;
let n = 0;
const start = Date.now();
while (Date.now() < end) { verifySync(hash, 'correct horse battery staple'); n++; }
parentPort.postMessage(n / ((Date.now() - start) / 1000));
`;

const rates = await Promise.all(
  Array.from({ length: threads }, () => new Promise<number>((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { argon2Path, seconds, lowPriority } });
    worker.once('message', resolve);
    worker.once('error', reject);
  })),
);
console.log(JSON.stringify({ verifiesPerSecond: rates.reduce((a, b) => a + b, 0), threads }));
