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
const compose = parse(fs.readFileSync(path.join(ROOT, 'docker', 'compose.yaml'), 'utf8')) as {
  services: Record<
    string,
    {
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
    expect(postgres!.profiles).toEqual(['postgres']);
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

  it('sets only variables the app reads', () => {
    const known = configVariables();
    for (const name of ['app', 'app-postgres']) {
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
