/** A worker thread of checkFiles: receives file paths, answers with their FileCheck. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile } from './batch.js';
import type { CheckConfig } from './config.js';

const config = (workerData as { config: CheckConfig | null }).config ?? undefined;

parentPort?.on('message', (file: string) => {
  void checkFile(file, config).then((result) => parentPort?.postMessage(result));
});
