import { loadConfig } from './config.js';
import { startRunWorker } from './queue/runWorker.js';

const config = loadConfig();
const worker = await startRunWorker(config);
console.log(
  `OpenBench Web worker ${worker.name} is taking runs from ${new URL(config.redisUrl!).host} (concurrency ${config.workerConcurrency})`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: canceling this worker's runs and shutting down…`);
    worker.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
