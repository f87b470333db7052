import fs from 'node:fs';
import path from 'node:path';

/** The artifact contract: the only names a run directory exposes, in display order. */
export const ARTIFACT_NAMES = [
  'config.json',
  'command.txt',
  'env_keys_used.json',
  'stdout.log',
  'stderr.log',
  'openbench.log.json',
  'summary.json',
  'meta.json',
] as const;
export type ArtifactName = (typeof ARTIFACT_NAMES)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isArtifactName(name: string): name is ArtifactName {
  return (ARTIFACT_NAMES as readonly string[]).includes(name);
}

export function isRunId(id: string): boolean {
  return UUID.test(id);
}

/** Paths of one run's directory. The id is checked so no caller can build a path outside it. */
export class RunDirectory {
  readonly dir: string;

  constructor(
    runsDir: string,
    readonly runId: string,
  ) {
    if (!isRunId(runId)) throw new Error(`invalid run id: ${runId}`);
    this.dir = path.join(runsDir, runId);
  }

  get logsDir(): string {
    return path.join(this.dir, 'logs');
  }

  file(name: ArtifactName): string {
    return path.join(this.dir, name);
  }

  async create(): Promise<void> {
    await fs.promises.mkdir(this.logsDir, { recursive: true });
  }

  /** Writes JSON through a temporary file and a rename, so readers never see half a file. */
  async writeJson(name: ArtifactName, value: unknown): Promise<void> {
    await this.writeText(name, JSON.stringify(value, null, 2) + '\n');
  }

  async writeText(name: ArtifactName, text: string): Promise<void> {
    const target = this.file(name);
    const temp = `${target}.tmp-${process.pid}`;
    await fs.promises.writeFile(temp, text);
    await fs.promises.rename(temp, target);
  }

  async list(): Promise<{ name: ArtifactName; size: number }[]> {
    const found: { name: ArtifactName; size: number }[] = [];
    for (const name of ARTIFACT_NAMES) {
      const stat = await fs.promises.stat(this.file(name)).catch(() => null);
      if (stat?.isFile()) found.push({ name, size: stat.size });
    }
    return found;
  }

  /** The inspect log bench wrote into logs/ (the newest one, should a retry have added more). */
  async findInspectLog(): Promise<string | null> {
    const names = await fs.promises.readdir(this.logsDir).catch(() => [] as string[]);
    let best: { file: string; mtime: number } | null = null;
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const file = path.join(this.logsDir, name);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (stat?.isFile() && (!best || stat.mtimeMs > best.mtime)) best = { file, mtime: stat.mtimeMs };
    }
    return best?.file ?? null;
  }
}
