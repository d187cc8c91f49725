/** A worker thread of checkFiles: receives file paths, answers with their FileCheck. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile } from './batch.js';
import type { CheckConfig } from './config.js';
import type { ReadLimits } from '../read/index.js';

const data = workerData as { config: CheckConfig | null; limits?: ReadLimits };
const config = data.config ?? undefined;
const limits = data.limits ?? {};

parentPort?.on('message', (file: string) => {
  void checkFile(file, config, limits).then((result) => parentPort?.postMessage(result));
});
