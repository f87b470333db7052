import fs from 'node:fs';
import { parseInspectJson } from './json.js';

/** One sample of an inspect log as written (only the fields we read are typed). */
export interface InspectSample {
  id: string | number;
  epoch: number;
  input: unknown;
  target: unknown;
  messages?: unknown[];
  output?: { completion?: string; choices?: unknown[]; usage?: { total_tokens?: number } };
  scores?: Record<
    string,
    { value: unknown; answer?: string | null; explanation?: string | null; metadata?: unknown }
  >;
  metadata?: Record<string, unknown>;
  model_usage?: Record<string, { total_tokens?: number; input_tokens?: number; output_tokens?: number }>;
  total_time?: number;
  working_time?: number;
  error?: { message?: string } | null;
  attachments?: Record<string, string>;
  [key: string]: unknown;
}

export interface LocatedSample {
  /** Byte range of the sample's JSON object in the log file, for reading it again on demand. */
  offset: number;
  length: number;
  sample: InspectSample;
}

// Inspect pretty-prints with an indent of 2, so each element of the top-level "samples" array
// starts with a line "    {" and ends with a line "    }" or "    },"; deeper lines are indented
// further and JSON strings never hold a raw newline. These byte patterns are found with the
// native Buffer search, which is what makes indexing fast.
const SAMPLES_OPEN = Buffer.from('\n  "samples": [\n');
const SAMPLE_START = Buffer.from('\n    {\n');
const SAMPLE_END = Buffer.from('\n    }');
const ARRAY_END = Buffer.from('\n  ]');
const CHUNK = 4 * 1024 * 1024;

/**
 * Streams the samples of an inspect JSON log with their byte ranges, in batches, holding at
 * most one chunk plus one sample in memory. Stops reading at the end of the samples array.
 */
export async function* readLogSamples(file: string, batchSize = 500): AsyncGenerator<LocatedSample[]> {
  const input = fs.createReadStream(file, { highWaterMark: CHUNK });
  let window: Buffer = Buffer.alloc(0);
  let windowOffset = 0; // file offset of window[0]
  let inSamples = false;
  let batch: LocatedSample[] = [];
  try {
    reading: for await (const chunk of input as AsyncIterable<Buffer>) {
      window = window.length === 0 ? chunk : Buffer.concat([window, chunk]);
      let pos = 0;
      if (!inSamples) {
        const open = window.indexOf(SAMPLES_OPEN);
        if (open < 0) {
          // Keep the tail in case the marker straddles two chunks.
          const keep = Math.min(window.length, SAMPLES_OPEN.length);
          windowOffset += window.length - keep;
          window = window.subarray(window.length - keep);
          continue;
        }
        inSamples = true;
        pos = open + SAMPLES_OPEN.length - 1; // at the newline that ends the "samples" line
      }
      // Searched once per window: searching again for every sample would rescan the window.
      let arrayEnd = window.indexOf(ARRAY_END, pos);
      for (;;) {
        const start = window.indexOf(SAMPLE_START, pos);
        if (arrayEnd >= 0 && arrayEnd < pos) arrayEnd = window.indexOf(ARRAY_END, pos);
        if (arrayEnd >= 0 && (start < 0 || arrayEnd < start)) break reading;
        if (start < 0) break;
        const end = findSampleEnd(window, start + SAMPLE_START.length - 1);
        if (end < 0) break;
        const objectStart = start + 5; // "\n    {" → the "{"
        const sample = parseInspectJson(window.toString('utf8', objectStart, end)) as InspectSample;
        batch.push({ offset: windowOffset + objectStart, length: end - objectStart, sample });
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
        pos = end;
      }
      // Drop what has been consumed; keep the unfinished sample (or a possible marker start).
      const keepFrom = Math.max(0, Math.min(pos, window.length - SAMPLE_START.length));
      windowOffset += keepFrom;
      window = window.subarray(keepFrom);
    }
  } finally {
    input.destroy();
  }
  if (batch.length > 0) yield batch;
}

/** Index just past the "}" that closes a sample, or -1 when it is not in the window yet. */
function findSampleEnd(window: Buffer, from: number): number {
  let pos = from;
  for (;;) {
    const end = window.indexOf(SAMPLE_END, pos);
    if (end < 0) return -1;
    const after = end + SAMPLE_END.length;
    if (after >= window.length) return -1;
    const next = window[after];
    // "    }" must be the whole line: followed by a newline, or by "," and a newline.
    if (next === 0x0a || (next === 0x2c && after + 1 < window.length && window[after + 1] === 0x0a))
      return after;
    if (next === 0x2c && after + 1 >= window.length) return -1;
    pos = after;
  }
}

/** Reads one sample again from its byte range (for the full detail of a single sample). */
export async function readSampleAt(file: string, offset: number, length: number): Promise<InspectSample> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, offset);
    return parseInspectJson(buffer.toString('utf8')) as InspectSample;
  } finally {
    await handle.close();
  }
}
