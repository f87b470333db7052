import { builder } from './builder.js';

const QueueModeEnum = builder.enumType('QueueMode', {
  description: 'Where runs execute: inside the API process, or in queue workers through Redis (REDIS_URL).',
  values: { IN_PROCESS: { value: 'in-process' }, REDIS: { value: 'redis' } } as const,
});

const QueueWorkerType = builder.simpleObject('QueueWorker', {
  description: 'A process that executes runs.',
  fields: (t) => ({
    name: t.string({ description: 'WORKER_NAME (host:pid by default); runs show it as `worker`.' }),
    online: t.boolean({ description: 'Connected to the queue now (always true in process).' }),
    runningRuns: t.int(),
  }),
});

const RunQueueType = builder.simpleObject('RunQueue', {
  fields: (t) => ({
    mode: t.field({ type: QueueModeEnum }),
    queued: t.int({ description: 'Runs waiting, all users.' }),
    running: t.int({ description: 'Runs executing, all users.' }),
    workers: t.field({ type: [QueueWorkerType] }),
  }),
});

builder.queryField('runQueue', (t) =>
  t.field({
    type: RunQueueType,
    description: 'The run queue at a glance: waiting and running runs and the workers executing them.',
    resolve: (_root, _args, ctx) => ctx.runs.queueState(),
  }),
);
