import { parentPort } from 'node:worker_threads';
import { syntheticWrite } from './graph.js';

/** A generator worker: resolves synthetic articles [from, to) of a seed (pure, no database). */
export interface ChunkJob {
  from: number;
  to: number;
  seed: number;
}

parentPort!.on('message', (job: ChunkJob) => {
  const writes = [];
  for (let i = job.from; i < job.to; i++) writes.push(syntheticWrite(i, job.seed));
  parentPort!.postMessage(writes);
});
