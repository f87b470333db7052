import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../src/config.js';
import { ROOT, tempDir } from './helpers.js';
import { spawnServer } from './serverProcess.js';

// No Docker engine runs here: the files are checked against the app's configuration, and the
// process they start is started without a container, with the image's environment.
const dockerfile = fs.readFileSync(path.join(ROOT, 'docker', 'Dockerfile'), 'utf8');
const compose = parse(fs.readFileSync(path.join(ROOT, 'docker', 'compose.yaml'), 'utf8'), {
  merge: true,
}) as {
  services: Record<
    string,
    {
      command?: string[];
      build?: unknown;
      image?: string;
      environment?: Record<string, string>;
      volumes?: string[];
      healthcheck?: { test: string[] };
      profiles?: string[];
      depends_on?: Record<string, unknown>;
    }
  >;
  volumes: Record<string, unknown>;
};

/** Every environment variable loadConfig reads, found by recording what it asks for. */
function configVariables(): Set<string> {
  const seen = new Set<string>();
  loadConfig(new Proxy({}, { get: (_t, key) => (seen.add(String(key)), undefined) }), ROOT);
  return seen;
}

function dockerEnv(): Record<string, string> {
  const block = /^ENV ((?:.+\\\n)*.+)$/m.exec(dockerfile)![1]!;
  return Object.fromEntries(block.split(/\\\n/).map((l) => l.trim().split('=') as [string, string]));
}

describe('docker/Dockerfile', () => {
  it('builds in stages, runs as a non-root user with a data volume and a health check', () => {
    expect(dockerfile.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/pip install .*-r requirements\.txt/);
    expect(dockerfile).toMatch(/^USER openbench$/m);
    expect(dockerfile).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/api\/health/m);
    expect(fs.readFileSync(path.join(ROOT, 'requirements.txt'), 'utf8')).toMatch(/^openbench==0\.5\.3$/m);
  });

  it('sets only variables the app reads', () => {
    const known = configVariables();
    for (const name of Object.keys(dockerEnv())) if (name !== 'NODE_ENV') expect(known).toContain(name);
  });
});

describe('docker/compose.yaml', () => {
  it('runs the app on SQLite by default with a volume and a health check, PostgreSQL as a profile', () => {
    const { app, postgres } = compose.services;
    expect(app!.build).toBeDefined();
    expect(app!.profiles).toBeUndefined();
    expect(app!.volumes).toContain('data:/data');
    expect(app!.healthcheck!.test.join(' ')).toContain('/api/health');
    expect(postgres!.profiles).toEqual(['postgres', 'scale']);
    expect(postgres!.healthcheck!.test.join(' ')).toContain('pg_isready');
    expect(compose.services['app-postgres']!.environment!.DATABASE_URL).toMatch(
      /^postgres:\/\/.*@postgres:5432\//,
    );
    expect(compose.services['app-postgres']!.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
    });
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? [])
        expect(Object.keys(compose.volumes)).toContain(volume.split(':')[0]);
    }
  });

  it('has a scale profile: PostgreSQL, Redis, two API replicas and two workers sharing data', () => {
    const scale = Object.entries(compose.services).filter(([, s]) => s.profiles?.includes('scale'));
    expect(scale.map(([name]) => name).sort()).toEqual([
      'api-1',
      'api-2',
      'postgres',
      'redis',
      'worker-1',
      'worker-2',
    ]);
    const { redis } = compose.services;
    expect(redis!.healthcheck!.test.join(' ')).toContain('redis-cli ping');
    const apps = ['api-1', 'api-2', 'worker-1', 'worker-2'].map((name) => compose.services[name]!);
    for (const app of apps) {
      expect(app.image).toBe('openbench-web:latest');
      expect(app.environment!.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(app.environment!.REDIS_URL).toBe('redis://redis:6379');
      // One DATA_DIR for all: every process reads and writes every run's artifacts.
      expect(app.volumes).toEqual(['data-scale:/data']);
    }
    const [api1, api2, worker1, worker2] = apps;
    expect(api1!.healthcheck!.test.join(' ')).toContain('/api/health');
    expect(api1!.command).toBeUndefined();
    // The first replica migrates the database; everything else starts once it is healthy.
    for (const later of [api2, worker1, worker2])
      expect(later!.depends_on).toEqual({ 'api-1': { condition: 'service_healthy' } });
    expect(new Set(apps.map((a) => a.environment!.DATABASE_URL)).size).toBe(1);
    for (const worker of [worker1, worker2])
      expect(worker!.command!.join(' ')).toContain('api/src/worker.ts');
    expect(worker1!.environment!.WORKER_NAME).toBe('worker-1');
    expect(worker2!.environment!.WORKER_NAME).toBe('worker-2');
    // The command the workers run is the one `npm run worker` runs (from the api folder).
    const apiScripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'api', 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(worker1!.command!.join(' ')).toBe(apiScripts.scripts.worker!.replace(' src/', ' api/src/'));
  });

  it('sets only variables the app reads', () => {
    const known = configVariables();
    for (const name of ['app', 'app-postgres', 'api-1', 'api-2', 'worker-1', 'worker-2']) {
      for (const variable of Object.keys(compose.services[name]!.environment ?? {}))
        expect(known).toContain(variable);
    }
  });
});

describe('the image’s process, without a container', () => {
  it('starts in production mode with the image’s environment and passes its own health check', async () => {
    const env = dockerEnv();
    const server = await spawnServer({
      ...env,
      HOST: '127.0.0.1', // loopback here; the image listens on every interface
      PORT: '0',
      DATA_DIR: tempDir('obw-image-'),
      OPENBENCH_BIN: path.join(ROOT, '.venv', 'bin', 'bench'),
      EVALS_DIR: path.join(ROOT, 'data', 'evals'),
      CLIENT_DIR: path.join(ROOT, 'client', 'dist'),
    });
    try {
      const port = new URL(server.url).port;
      const check = /^HEALTHCHECK [\s\S]*?CMD \[(.*)\]$/m.exec(dockerfile)![1]!;
      const [command, ...args] = JSON.parse(`[${check}]`) as string[];
      const result = spawnSync(command === 'node' ? process.execPath : command!, args, {
        env: { ...process.env, PORT: port },
        timeout: 10_000,
      });
      expect(result.status).toBe(0);
      // Production: no GraphiQL page, no introspection.
      const graphiql = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await graphiql.text()).not.toMatch(/graphiql/i);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
