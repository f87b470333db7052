import fs from 'node:fs';
import { once } from 'node:events';
import type { OutputSink, OutputStream } from '../openbench/process.js';

/** One line of a run's output. `line` numbers lines from 0 per stream; it is the offset. */
export interface LogLine {
  stream: OutputStream;
  line: number;
  text: string;
}

export const TRUNCATION_MARKER = '[openbench-web] output truncated:';

/**
 * Writes one output stream of a run to its file line by line, numbering the lines. Only whole
 * lines reach the file, so a line's number is the same live and when read back from disk.
 * Past `capBytes` one marker line is written and the rest is dropped (still counted); the run
 * itself goes on.
 */
class StreamLog {
  private readonly out: fs.WriteStream;
  private partial = '';
  private bytes = 0;
  lines = 0;
  droppedLines = 0;

  constructor(
    private readonly stream: OutputStream,
    file: string,
    private readonly capBytes: number,
    private readonly redact: (text: string) => string,
    stored: StoredLines | null,
  ) {
    this.out = fs.createWriteStream(file, { flags: stored ? 'a' : 'w' });
    if (stored) {
      // A resumed run goes on numbering after what the first attempt stored.
      this.lines = stored.lines;
      this.bytes = stored.bytes;
      if (stored.unterminated) this.out.write('\n');
    }
  }

  /** Appends a chunk; returns the lines it completed. Awaits the disk when it falls behind. */
  async write(chunk: string): Promise<LogLine[]> {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    // A pathological line with no newline must not grow without bound either.
    if (this.partial.length > 1_000_000) {
      parts.push(this.partial);
      this.partial = '';
    }
    return this.append(parts);
  }

  async end(): Promise<LogLine[]> {
    const lines = this.partial ? await this.append([this.partial]) : [];
    this.partial = '';
    if (this.droppedLines > 0) {
      // The marker said the output was cut; the count of what was cut is known only now.
      lines.push(
        ...(await this.append(
          [`${TRUNCATION_MARKER} ${this.droppedLines} more lines were not stored`],
          true,
        )),
      );
    }
    this.out.end();
    await once(this.out, 'close');
    return lines;
  }

  private async append(texts: string[], force = false): Promise<LogLine[]> {
    const lines: LogLine[] = [];
    let data = '';
    for (const raw of texts) {
      // Secrets are masked per whole line, so one split across two writes is still caught.
      const text = this.redact(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
      const size = Buffer.byteLength(text) + 1;
      if (!force && this.bytes + size > this.capBytes) {
        if (this.droppedLines === 0) {
          const marker = `${TRUNCATION_MARKER} ${this.stream} reached ${this.capBytes} bytes; the run goes on`;
          data += marker + '\n';
          lines.push({ stream: this.stream, line: this.lines++, text: marker });
        }
        this.droppedLines++;
        continue;
      }
      this.bytes += size;
      data += text + '\n';
      lines.push({ stream: this.stream, line: this.lines++, text });
    }
    if (data && !this.out.write(data)) await once(this.out, 'drain');
    return lines;
  }
}

/** What a stream's file already holds: whole lines (a last line cut by a crash counts). */
export interface StoredLines {
  lines: number;
  bytes: number;
  unterminated: boolean;
}

export async function countStoredLines(file: string): Promise<StoredLines> {
  let lines = 0;
  let bytes = 0;
  let last = 10;
  try {
    for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
      last = chunk[chunk.length - 1] ?? last;
    }
  } catch {
    return { lines: 0, bytes: 0, unterminated: false };
  }
  const unterminated = last !== 10;
  return { lines: lines + (unterminated ? 1 : 0), bytes, unterminated };
}

/** The output sink of one run: stdout.log and stderr.log, with every new line handed on. */
export class RunLogWriter implements OutputSink {
  private readonly logs: Record<OutputStream, StreamLog>;

  constructor(
    files: Record<OutputStream, string>,
    capBytes: number,
    private readonly onLines: (lines: LogLine[]) => void,
    redact: (text: string) => string = (text) => text,
    /** Set when appending to the files of an earlier attempt (a resumed run). */
    stored: Record<OutputStream, StoredLines> | null = null,
  ) {
    this.logs = {
      stdout: new StreamLog('stdout', files.stdout, capBytes, redact, stored?.stdout ?? null),
      stderr: new StreamLog('stderr', files.stderr, capBytes, redact, stored?.stderr ?? null),
    };
  }

  async write(stream: OutputStream, chunk: string): Promise<void> {
    const lines = await this.logs[stream].write(chunk);
    if (lines.length > 0) this.onLines(lines);
  }

  async end(): Promise<void> {
    for (const log of Object.values(this.logs)) {
      const lines = await log.end();
      if (lines.length > 0) this.onLines(lines);
    }
  }
}

/**
 * Reads lines [from, until) of a stored stream in batches, streaming the file (never whole).
 * Stops at the end of the file when `until` is not given.
 */
export async function* readLogLines(
  file: string,
  stream: OutputStream,
  from: number,
  until = Number.POSITIVE_INFINITY,
  batchSize = 1000,
): AsyncGenerator<LogLine[]> {
  if (from >= until) return;
  let input: fs.ReadStream;
  try {
    await fs.promises.access(file);
    input = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  } catch {
    return;
  }
  let line = 0;
  let partial = '';
  let batch: LogLine[] = [];
  try {
    reading: for await (const chunk of input as AsyncIterable<string>) {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const text of parts) {
        if (line >= until) break reading;
        if (line >= from) batch.push({ stream, line, text });
        line++;
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
    // A last line without its newline is still being written: it is not a whole line yet.
  } finally {
    input.destroy();
  }
  if (batch.length > 0) yield batch;
}
