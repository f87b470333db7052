import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CatalogService, CatalogUnavailableError, mapCatalog } from './catalog.js';

describe('mapCatalog', () => {
  const catalog = mapCatalog({
    openbench_version: '0.5.3',
    inspect_version: '0.3.125',
    benchmarks: [
      {
        name: 'mmlu',
        display_name: 'MMLU',
        category: 'knowledge',
        description: ' Many subjects ',
        tags: ['mcq'],
      },
      { name: 'mmlu_stem', category: 'knowledge', is_subtask: true },
      { name: 'exp', category: 'math', is_alpha: true },
      { name: 'gpqa', category: 'knowledge' },
    ],
    groups: [
      { name: 'mmlu', display_name: 'MMLU group', benchmarks: ['mmlu_stem'] },
      {
        name: 'reasoning',
        display_name: 'Reasoning suite',
        description: 'several',
        benchmarks: ['gpqa', 'exp'],
      },
    ],
    local_evals: [
      { name: 'offline_demo', display_name: 'Offline demo', path: '/x/offline_demo', category: 'demo' },
      { name: 'gpqa', path: '/x/gpqa' },
    ],
  });

  it('maps fields, trims descriptions and sorts by name', () => {
    expect(catalog.benchmarks.map((b) => b.name)).toEqual([
      'exp',
      'gpqa',
      'mmlu',
      'mmlu_stem',
      'offline_demo',
      'reasoning',
    ]);
    expect(catalog.byName.get('mmlu')).toMatchObject({
      displayName: 'MMLU',
      description: 'Many subjects',
      tags: ['mcq'],
    });
    expect(catalog.byName.get('exp')?.isAlpha).toBe(true);
    expect(catalog.byName.get('mmlu_stem')?.isSubtask).toBe(true);
    expect(catalog.openbenchVersion).toBe('0.5.3');
  });

  it('merges a key that is both a benchmark and a group (bench runs the group)', () => {
    expect(catalog.byName.get('mmlu')).toMatchObject({
      isGroup: true,
      members: ['mmlu_stem'],
      category: 'knowledge',
    });
  });

  it('gives a pure group a category from its members or "groups"', () => {
    expect(catalog.byName.get('reasoning')).toMatchObject({
      isGroup: true,
      category: 'groups',
      displayName: 'Reasoning suite',
    });
  });

  it('marks local evals and never lets them shadow a registry key', () => {
    expect(catalog.byName.get('offline_demo')).toMatchObject({ isLocal: true, path: '/x/offline_demo' });
    expect(catalog.byName.get('gpqa')).toMatchObject({ isLocal: false, path: null });
  });

  it('lists categories once, sorted', () => {
    expect(catalog.categories).toEqual(['demo', 'groups', 'knowledge', 'math']);
  });
});

describe('CatalogService', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obw-catalog-'));

  it('reports a missing OpenBench as a typed error with a fix', async () => {
    const service = new CatalogService({
      pythonBin: path.join(dir, 'nope', 'python'),
      scriptPath: 'x.py',
      evalsDir: dir,
      ttlMs: 1000,
    });
    const error = await service.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogUnavailableError);
    expect((error as CatalogUnavailableError).fix).toMatch(/npm run setup/);
  });

  it('reports a failing dump with its stderr, and shares one load between callers', async () => {
    const script = path.join(dir, 'fail.py');
    fs.writeFileSync(
      script,
      'import sys\nsys.stderr.write("ModuleNotFoundError: openbench\\n")\nsys.exit(3)\n',
    );
    const service = new CatalogService({
      pythonBin: '/usr/bin/python3',
      scriptPath: script,
      evalsDir: dir,
      ttlMs: 1000,
    });
    const [a, b] = await Promise.all([
      service.get().catch((e: Error) => e),
      service.get().catch((e: Error) => e),
    ]);
    expect(a).toBe(b);
    expect((a as Error).message).toMatch(/ModuleNotFoundError: openbench/);
  });

  it('serves the cached catalog and refreshes it in the background when stale', async () => {
    const counter = path.join(dir, 'count');
    const script = path.join(dir, 'ok.py');
    fs.writeFileSync(
      script,
      `import json, os\np = ${JSON.stringify(counter)}\nn = int(open(p).read()) + 1 if os.path.exists(p) else 1\nopen(p, "w").write(str(n))\nprint(json.dumps({"benchmarks": [{"name": "b%d" % n}]}))\n`,
    );
    const service = new CatalogService({
      pythonBin: '/usr/bin/python3',
      scriptPath: script,
      evalsDir: dir,
      ttlMs: 50,
    });
    expect((await service.get()).benchmarks[0]?.name).toBe('b1');
    await new Promise((r) => setTimeout(r, 80));
    // Stale: the old catalog is returned at once while a refresh starts.
    expect((await service.get()).benchmarks[0]?.name).toBe('b1');
    for (let i = 0; i < 100 && (await service.get()).benchmarks[0]?.name === 'b1'; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect((await service.get()).benchmarks[0]?.name).toBe('b2');
  });
});
