import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { canSee, type Viewer } from '../auth/viewer.js';
import { isArtifactName, isRunId, type ArtifactName } from '../runs/artifacts.js';
import type { RunRepository } from '../runs/repository.js';
import type { RunService } from '../runs/service.js';

const ROUTE = /^\/api\/runs\/([^/]+)\/artifacts\/([^/]+)$/;

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.log': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * GET /api/runs/:id/artifacts/:name — streams one artifact of the contract. Only names of
 * the contract are served (no paths, so no traversal), and only from runs the viewer may see.
 */
export async function serveArtifact(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  deps: { runs: RunService; runRepository: RunRepository; viewer: Viewer | null },
): Promise<boolean> {
  const match = ROUTE.exec(pathname);
  if (!match) return false;
  const [, id, rawName] = match as unknown as [string, string, string];
  const name = decodeURIComponent(rawName);
  const run = isRunId(id) && isArtifactName(name) ? await deps.runRepository.get(id) : null;
  // Another user's run is indistinguishable from a missing one.
  if (!run || !canSee(deps.viewer, run)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    return true;
  }
  const file = deps.runs.directory(id).file(name as ArtifactName);
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    return true;
  }
  const ext = name.slice(name.lastIndexOf('.'));
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'content-length': stat.size,
    'content-disposition': `${req.url?.includes('download=1') ? 'attachment' : 'inline'}; filename="${id}-${name}"`,
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  await pipeline(fs.createReadStream(file, { end: stat.size - 1 }), res).catch(() => undefined);
  return true;
}
