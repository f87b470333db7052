import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseInspectJson } from './json.js';

export type InspectStatus = 'started' | 'success' | 'cancelled' | 'error';

export interface InspectMetric {
  name: string;
  value: number;
  /** For inspect's grouped() metrics: { group_key, metric, all }. */
  params?: { group_key?: string; [key: string]: unknown };
}
export interface InspectScore {
  name: string;
  scorer: string;
  reducer?: string;
  scored_samples?: number;
  metrics: Record<string, InspectMetric>;
}
export interface InspectModelUsage {
  input_tokens?: number;
  output_tokens?: number;
  total_tokens?: number;
  [key: string]: number | undefined;
}
/** The parts of an inspect log before its samples: everything a summary needs. */
export interface InspectLogHeader {
  version?: number;
  status: InspectStatus;
  eval?: {
    run_id?: string;
    task?: string;
    model?: string;
    dataset?: { name?: string; samples?: number };
    config?: Record<string, unknown>;
    packages?: Record<string, string>;
  };
  results?: { total_samples?: number; completed_samples?: number; scores?: InspectScore[] };
  stats?: { started_at?: string; completed_at?: string; model_usage?: Record<string, InspectModelUsage> };
  error?: { message?: string; traceback?: string };
}

// The JSON log is pretty-printed with an indent of 2, so a top-level key starts a line with
// exactly two spaces. Everything a header needs precedes "samples"; reading stops there.
const SAMPLES_KEY = /\n {2}"samples": /;
const CHUNK = 256 * 1024;

/**
 * Reads the header of an inspect JSON log without reading its samples, so the cost does not
 * grow with the log. Inspect rewrites the file in place while a run goes on, so a parse
 * failure is retried a few times before it is reported.
 */
export async function readInspectLogHeader(file: string, attempts = 5): Promise<InspectLogHeader> {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return parseHeader(await readUntilSamples(file));
    } catch (error) {
      lastError = error;
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') break;
      await sleep(100 * (attempt + 1));
    }
  }
  throw lastError;
}

async function readUntilSamples(file: string): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    // latin1 maps bytes 1:1 to characters, so a chunk boundary inside a multi-byte UTF-8
    // character cannot corrupt the search; the kept bytes are decoded as UTF-8 once at the end.
    let text = '';
    let position = 0;
    const marker = new RegExp(SAMPLES_KEY, 'g'); // one per read: lastIndex is state
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) return Buffer.from(text, 'latin1').toString('utf8');
      position += bytesRead;
      // Search only the new text (plus a marker's length before it), not the whole header again.
      marker.lastIndex = Math.max(0, text.length - 16);
      text += buffer.toString('latin1', 0, bytesRead);
      const match = marker.exec(text);
      if (match) {
        // The member before "samples" ends with a comma; drop it and close the object.
        const head = text.slice(0, match.index).replace(/,\s*$/, '');
        return Buffer.from(head, 'latin1').toString('utf8') + '\n}';
      }
    }
  } finally {
    await handle.close();
  }
}

function parseHeader(text: string): InspectLogHeader {
  const parsed = parseInspectJson(text) as InspectLogHeader;
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.status !== 'string') {
    throw new Error('not an inspect log: no status field');
  }
  return parsed;
}
