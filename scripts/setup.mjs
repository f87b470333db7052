#!/usr/bin/env node
// Installs everything the app needs, idempotently and quickly when nothing changed:
// Node packages, the project-local Python environment with the pinned openbench, the built
// client. Each step keeps a fingerprint of its inputs and is skipped while they are unchanged.
// Plain Node (no dependencies): it runs before `npm install`.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const quiet = process.argv.includes('--quiet');
const log = (message) => !quiet && console.log(`[setup] ${message}`);

function fail(message) {
  console.error(`\n[setup] ${message}\n`);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, {
    cwd: root,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    ...options,
  });
  if (result.error) fail(`${cmd} could not be started: ${result.error.message}`);
  if (result.status !== 0) fail(`\`${cmd} ${args.join(' ')}\` failed with exit code ${result.status}.`);
}

function fingerprint(files) {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file);
    const full = path.join(root, file);
    if (!fs.existsSync(full)) continue;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(full, { recursive: true }).sort()) {
        const child = path.join(full, String(entry));
        if (fs.statSync(child).isFile())
          hash.update(`${entry}:${fs.readFileSync(child).length}:`).update(fs.readFileSync(child));
      }
    } else {
      hash.update(fs.readFileSync(full));
    }
  }
  return hash.digest('hex');
}

/** Runs `work` when the fingerprint of `inputs` differs from the one stored in `stampFile`. */
function step(name, stampFile, inputs, work) {
  const stamp = path.join(root, stampFile);
  const current = fingerprint(inputs);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === current) {
    log(`${name}: up to date`);
    return;
  }
  log(`${name}…`);
  work();
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, current);
}

// 1. Node.js
const [major] = process.versions.node.split('.').map(Number);
if (major < 20) fail(`Node.js 20 or newer is required (this is ${process.version}).`);

// 2. Node packages (both workspaces), exactly as locked.
step(
  'Node packages',
  'node_modules/.obw-setup',
  ['package.json', 'package-lock.json', 'api/package.json', 'client/package.json'],
  () => run('npm', ['ci', '--no-audit', '--no-fund']),
);

// 3. Python environment with the pinned openbench.
const python = process.env.PYTHON || 'python3';
const probe = spawnSync(
  python,
  ['-c', 'import sys, venv, ensurepip; print("%d.%d" % sys.version_info[:2])'],
  { encoding: 'utf8' },
);
if (probe.error || probe.status !== 0) {
  fail(
    `Python 3.10+ with the venv module and pip is required to run OpenBench, and \`${python}\` is not usable.\n` +
      '  Debian/Ubuntu: apt-get install -y python3 python3-venv python3-pip\n' +
      '  Or point PYTHON at a suitable interpreter: PYTHON=/path/to/python3 npm start',
  );
}
const [pyMajor, pyMinor] = probe.stdout.trim().split('.').map(Number);
if (pyMajor < 3 || (pyMajor === 3 && pyMinor < 10))
  fail(`Python 3.10+ is required (found ${probe.stdout.trim()}).`);
step('Python environment (.venv, openbench)', '.venv/.obw-setup', ['requirements.txt'], () => {
  if (!fs.existsSync(path.join(root, '.venv', 'bin', 'python'))) run(python, ['-m', 'venv', '.venv']);
  run(path.join(root, '.venv', 'bin', 'python'), [
    '-m',
    'pip',
    'install',
    '--disable-pip-version-check',
    '-q',
    '-r',
    'requirements.txt',
  ]);
  // openbench is imported once so that a broken install fails here, not on the first request.
  run(path.join(root, '.venv', 'bin', 'bench'), ['--help'], { stdio: 'ignore' });
});

// 4. The client, served by the API from client/dist (rebuilt too when the folder was removed).
if (!fs.existsSync(path.join(root, 'client', 'dist', 'index.html')))
  fs.rmSync(path.join(root, 'node_modules', '.obw-client-build'), { force: true });
step(
  'Client build',
  // Outside client/dist: every vite build (the browser tests run one) empties that folder.
  'node_modules/.obw-client-build',
  [
    'package-lock.json',
    'schema/schema.graphql',
    'codegen.ts',
    'client/src',
    'client/index.html',
    'client/vite.config.ts',
    'client/package.json',
    'client/public',
  ],
  () => run('npm', ['run', 'build', '-w', 'client']),
);

fs.mkdirSync(path.join(root, 'data'), { recursive: true });
log('ready');
