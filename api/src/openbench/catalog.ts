import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';

/** One entry of the benchmark catalog: a benchmark, a group of benchmarks, or a local eval. */
export interface Benchmark {
  /** The key given to `bench eval`. */
  name: string;
  displayName: string;
  category: string;
  description: string;
  tags: string[];
  isAlpha: boolean;
  isSubtask: boolean;
  isGroup: boolean;
  isLocal: boolean;
  /** Member keys of a group; empty otherwise. */
  members: string[];
  /** Absolute directory of a local eval; null for registry benchmarks. */
  path: string | null;
}

export interface Catalog {
  openbenchVersion: string | null;
  inspectVersion: string | null;
  benchmarks: Benchmark[];
  byName: ReadonlyMap<string, Benchmark>;
  categories: string[];
  loadedAt: Date;
}

/** The catalog cannot be read from the installed OpenBench; `fix` tells the user what to do. */
export class CatalogUnavailableError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

// Shape printed by scripts/openbench_catalog.py.
interface RawEntry {
  name: string;
  display_name?: string | null;
  description?: string | null;
  category?: string | null;
  tags?: string[] | null;
  is_alpha?: boolean;
  is_subtask?: boolean;
  path?: string;
}
interface RawGroup {
  name: string;
  display_name?: string | null;
  description?: string | null;
  benchmarks: string[];
}
export interface RawCatalog {
  openbench_version?: string | null;
  inspect_version?: string | null;
  benchmarks: RawEntry[];
  groups?: RawGroup[];
  local_evals?: RawEntry[];
}

function fromEntry(raw: RawEntry, isLocal: boolean): Benchmark {
  return {
    name: raw.name,
    displayName: raw.display_name || raw.name,
    category: raw.category || (isLocal ? 'local' : 'uncategorized'),
    description: (raw.description ?? '').trim(),
    tags: raw.tags ?? [],
    isAlpha: Boolean(raw.is_alpha),
    isSubtask: Boolean(raw.is_subtask),
    isGroup: false,
    isLocal,
    members: [],
    path: isLocal ? (raw.path ?? null) : null,
  };
}

/**
 * Maps the dump script's JSON to the catalog. A key that is both a benchmark and a group is
 * run as the group by `bench eval`, so it is one entry that carries the group's members.
 * Local evals come last and never shadow a registry key.
 */
export function mapCatalog(raw: RawCatalog, loadedAt = new Date()): Catalog {
  const byName = new Map<string, Benchmark>();
  for (const entry of raw.benchmarks) byName.set(entry.name, fromEntry(entry, false));
  for (const group of raw.groups ?? []) {
    const existing = byName.get(group.name);
    const members = [...group.benchmarks];
    if (existing) {
      byName.set(group.name, { ...existing, isGroup: true, members });
      continue;
    }
    const memberCategories = new Set(members.map((m) => byName.get(m)?.category).filter(Boolean));
    byName.set(group.name, {
      ...fromEntry(
        { name: group.name, display_name: group.display_name, description: group.description },
        false,
      ),
      category: memberCategories.size === 1 ? [...memberCategories][0]! : 'groups',
      isGroup: true,
      members,
    });
  }
  for (const entry of raw.local_evals ?? []) {
    if (!byName.has(entry.name)) byName.set(entry.name, fromEntry(entry, true));
  }
  const benchmarks = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  const categories = [...new Set(benchmarks.map((b) => b.category))].sort();
  return {
    openbenchVersion: raw.openbench_version ?? null,
    inspectVersion: raw.inspect_version ?? null,
    benchmarks,
    byName,
    categories,
    loadedAt,
  };
}

export interface CatalogSource {
  pythonBin: string;
  scriptPath: string;
  evalsDir: string;
  ttlMs: number;
}

/**
 * Reads the catalog of the installed OpenBench by running a dump script on its interpreter
 * (plain `bench list` output is a width-dependent table, see docs/openbench-notes.md).
 * Importing openbench takes seconds, so the result is cached: stale entries are served while a
 * background refresh runs, and concurrent callers share one in-flight load.
 */
export class CatalogService {
  private cached: Catalog | null = null;
  private inFlight: Promise<Catalog> | null = null;

  constructor(private readonly source: CatalogSource) {}

  /** Starts loading without waiting, so the first request does not pay for a cold import. */
  warm(): void {
    this.load().catch(() => undefined);
  }

  async get(): Promise<Catalog> {
    const cached = this.cached;
    if (cached) {
      if (Date.now() - cached.loadedAt.getTime() > this.source.ttlMs) this.warm();
      return cached;
    }
    return this.load();
  }

  private load(): Promise<Catalog> {
    this.inFlight ??= this.dump()
      .then((catalog) => {
        this.cached = catalog;
        return catalog;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private async dump(): Promise<Catalog> {
    const { pythonBin, scriptPath, evalsDir } = this.source;
    if (!fs.existsSync(pythonBin)) {
      throw new CatalogUnavailableError(
        `OpenBench is not installed: ${pythonBin} does not exist.`,
        'Run `npm run setup` to create the Python environment, or set OPENBENCH_BIN to an existing bench.',
      );
    }
    const result = await execa(pythonBin, [scriptPath, '--evals-dir', evalsDir], {
      reject: false,
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
      cwd: path.dirname(scriptPath),
      env: { PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' },
    });
    if (result.exitCode !== 0 || result.failed) {
      const detail = String(result.stderr || result.message)
        .trim()
        .split('\n')
        .slice(-5)
        .join('\n');
      throw new CatalogUnavailableError(
        `Reading the OpenBench catalog failed: ${detail}`,
        'Check that `npm run setup` finished without errors; it reinstalls the pinned openbench.',
      );
    }
    try {
      return mapCatalog(JSON.parse(String(result.stdout)) as RawCatalog);
    } catch (error) {
      throw new CatalogUnavailableError(
        `The OpenBench catalog dump was not valid JSON: ${(error as Error).message}`,
        'Check that scripts/openbench_catalog.py matches the installed openbench version.',
      );
    }
  }
}
