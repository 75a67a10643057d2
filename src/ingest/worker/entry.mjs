// The worker's entry in plain JavaScript: when the server runs from TypeScript sources (tsx),
// the worker registers tsx itself, since a worker started by the test runner does not inherit it.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
