// A throwaway Redis server on loopback for the scale-out tests (Redis from Debian's packages;
// `.ci/run` installs it when missing). No persistence: it lives as long as the test run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function which(cmd) {
  const found = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** Starts redis-server; returns its URL and a stop function, or null when Redis is missing. */
export function startRedis(port = 56379) {
  const server = which('redis-server');
  const cli = which('redis-cli');
  if (!server || !cli) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obw-redis-'));
  const child = spawn(
    server,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore', detached: true },
  );
  child.unref();
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ping = spawnSync(cli, ['-p', String(port), 'ping'], { encoding: 'utf8' });
    if (ping.stdout?.trim() === 'PONG') break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer on port ${port}`);
    }
    spawnSync('sleep', ['0.1']);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop() {
      try {
        child.kill('SIGKILL');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
