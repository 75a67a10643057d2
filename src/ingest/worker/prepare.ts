import { parentPort, workerData } from 'node:worker_threads';
import { LIMITS, type Limits } from '../../config.js';
import { BadInputError } from '../../errors.js';
import { prepareArticle, type ArticleInput } from '../pipeline.js';
import type { Corrections } from '../corrections.js';

/**
 * The ingestion worker: parse, clean and extract one article at a time, off the server's event
 * loop. Everything here is pure; the parent writes the result to Neo4j.
 */
export interface PrepareJob {
  id: number;
  input: ArticleInput;
  opts: { id?: string; corrections?: Corrections };
}
export type PrepareReply =
  | { id: number; ok: true; prepared: ReturnType<typeof prepareArticle> }
  | { id: number; ok: false; input: boolean; message: string };

Object.assign(LIMITS, (workerData as { limits: Limits }).limits);

parentPort!.on('message', (job: PrepareJob) => {
  let reply: PrepareReply;
  try {
    reply = { id: job.id, ok: true, prepared: prepareArticle(job.input, job.opts) };
  } catch (err) {
    reply = { id: job.id, ok: false, input: err instanceof BadInputError, message: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
