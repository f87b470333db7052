// `npm run bench`: performance figures of the server, printed as tables. Targets are printed
// beside the figures; nothing here fails on a miss (tests assert behaviour, not speed).
// Options: --only=streaming,overhead,logs,compare,runs-query,queue   --queue-runs=50   --gb=1 (size of the big-output run and the largest log)
//          --runs=100000 (rows in the runs table for runs-query)
import { compareBenchmark } from './bench/compare.js';
import { logBenchmarks } from './bench/logs.js';
import { overheadBenchmark } from './bench/overhead.js';
import { queueBenchmark } from './bench/queue.js';
import { printTable } from './bench/report.js';
import { runsQueryBenchmark } from './bench/runsQuery.js';
import { streamingBenchmarks } from './bench/streaming.js';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const only = option('only')?.split(',');
const wanted = (name: string) => !only || only.includes(name);

console.log(`# OpenBench Web benchmarks — ${new Date().toISOString()}, Node ${process.version}`);
if (wanted('streaming'))
  printTable(
    'Live log streaming (graphql-ws)',
    await streamingBenchmarks({ gigabytes: Number(option('gb') ?? 1) }),
  );
if (wanted('overhead')) printTable('Wrapper overhead vs running bench directly', await overheadBenchmark(3));
if (wanted('logs')) {
  const gb = Number(option('gb') ?? 1);
  printTable(
    'Inspect logs: summary and sample indexing',
    await logBenchmarks([10, 100, Math.round(gb * 1024)], 100),
  );
}
if (wanted('compare')) printTable('Comparison with paired statistics', await compareBenchmark(10, 10_000));
if (wanted('runs-query'))
  printTable(
    'Runs list query (dashboard) on a large table, SQLite and PostgreSQL',
    await runsQueryBenchmark(Number(option('runs') ?? 100_000), 200),
  );
if (wanted('queue'))
  printTable(
    'Run queue throughput: in-process scheduler vs Redis workers',
    await queueBenchmark(Number(option('queue-runs') ?? 50)),
  );
