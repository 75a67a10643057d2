import { Worker } from 'node:worker_threads';
import type { Limits } from '../../config.js';
import { AppError } from '../../errors.js';
import { logger } from '../../logger.js';
import { IngestInputError, type ArticleInput, type Prepared } from '../pipeline.js';
import type { PrepareJob, PrepareReply } from './prepare.js';

/** An article that could not be parsed or extracted within the time and memory it is given. */
export class ArticleTooComplexError extends AppError {
  constructor(message: string) {
    super(message, 'ARTICLE_TOO_COMPLEX', 422);
  }
}

export class IngestBusyError extends AppError {
  constructor() {
    super('ingestion is busy with other articles; try again shortly', 'INGEST_BUSY', 503, undefined, { alwaysStatus: true });
  }
}

interface Job extends PrepareJob {
  resolve(p: Prepared): void;
  reject(e: Error): void;
}

/** Heap of the worker: extraction of a 500k-character article needs ~150 MB. */
const WORKER_HEAP_MB = 768;
const MAX_QUEUE = 16;

/**
 * Runs prepareArticle in a worker thread, one article at a time, so that a hostile article
 * (huge, unpunctuated, deeply nested) cannot block the event loop: /health and every query
 * keep answering. A job over its time limit or the worker's heap is stopped with the worker,
 * which is started afresh for the next one.
 */
export class ArticlePreparer {
  private worker: Worker | undefined;
  private queue: Job[] = [];
  private current: Job | undefined;
  private timer: NodeJS.Timeout | undefined;
  private nextId = 1;

  constructor(private limits: Limits) {}

  prepare(input: ArticleInput, opts: PrepareJob['opts'] = {}): Promise<Prepared> {
    if (this.queue.length >= MAX_QUEUE) return Promise.reject(new IngestBusyError());
    return new Promise<Prepared>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, opts, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    for (const job of this.queue.splice(0)) job.reject(new IngestBusyError());
    if (w) await w.terminate();
  }

  private spawn(): Worker {
    const ts = import.meta.url.endsWith('.ts');
    const w = new Worker(new URL('./entry.mjs', import.meta.url), {
      workerData: { limits: this.limits, entry: new URL(ts ? './prepare.ts' : './prepare.js', import.meta.url).href },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    w.unref();
    w.on('message', (reply: PrepareReply) => this.finish(reply));
    w.on('error', (err) => {
      logger.warn({ err: err.message }, 'the ingestion worker failed');
      this.fail(
        /memory/i.test(err.message)
          ? new ArticleTooComplexError('the article needs more memory to extract than an article may use; split it or remove repeated markup')
          : new Error(`the ingestion worker failed: ${err.message}`),
        w,
      );
    });
    w.on('exit', () => {
      if (this.worker === w) this.fail(new Error('the ingestion worker stopped unexpectedly'), w);
    });
    return w;
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.current = job;
    this.worker ??= this.spawn();
    this.timer = setTimeout(() => {
      const w = this.worker;
      this.fail(
        new ArticleTooComplexError(
          `extracting this article took longer than ${this.limits.ingestTimeoutMs / 1000} s and was stopped; ` +
            'split it into its articles, or give its text rather than the whole page',
        ),
        w,
      );
    }, this.limits.ingestTimeoutMs);
    const { resolve: _r, reject: _j, ...message } = job;
    this.worker.postMessage(message);
  }

  private finish(reply: PrepareReply): void {
    const job = this.current;
    if (!job || job.id !== reply.id) return;
    clearTimeout(this.timer);
    this.current = undefined;
    if (reply.ok) job.resolve(reply.prepared);
    else job.reject(reply.input ? new IngestInputError(reply.message) : new Error(reply.message));
    this.pump();
  }

  /** Fails the running job and throws the worker away (a new one serves the next job). */
  private fail(err: Error, w: Worker | undefined): void {
    clearTimeout(this.timer);
    if (w && this.worker === w) {
      this.worker = undefined;
      void w.terminate();
    }
    const job = this.current;
    this.current = undefined;
    job?.reject(err);
    this.pump();
  }
}

