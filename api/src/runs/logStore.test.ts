import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countStoredLines, readLogLines, RunLogWriter, TRUNCATION_MARKER, type LogLine } from './logStore.js';

function setup(capBytes: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obw-logstore-'));
  const files = { stdout: path.join(dir, 'stdout.log'), stderr: path.join(dir, 'stderr.log') };
  const seen: LogLine[] = [];
  return { files, seen, writer: new RunLogWriter(files, capBytes, (lines) => seen.push(...lines)) };
}

async function readAll(
  file: string,
  stream: 'stdout' | 'stderr',
  from = 0,
  until?: number,
): Promise<LogLine[]> {
  const out: LogLine[] = [];
  for await (const batch of readLogLines(file, stream, from, until, 3)) out.push(...batch);
  return out;
}

describe('RunLogWriter', () => {
  it('numbers whole lines per stream across chunk boundaries, and the file agrees', async () => {
    const { files, seen, writer } = setup(1 << 20);
    await writer.write('stdout', 'al');
    await writer.write('stdout', 'pha\nbe');
    await writer.write('stderr', 'oops\r\n');
    await writer.write('stdout', 'ta\ngamma');
    await writer.end();
    expect(seen).toEqual([
      { stream: 'stdout', line: 0, text: 'alpha' },
      { stream: 'stderr', line: 0, text: 'oops' },
      { stream: 'stdout', line: 1, text: 'beta' },
      { stream: 'stdout', line: 2, text: 'gamma' },
    ]);
    expect(fs.readFileSync(files.stdout, 'utf8')).toBe('alpha\nbeta\ngamma\n');
    expect(await readAll(files.stdout, 'stdout')).toEqual(seen.filter((l) => l.stream === 'stdout'));
  });

  it('stops storing at the cap with one visible marker, and says how much was cut', async () => {
    const { files, seen, writer } = setup(30);
    for (let i = 0; i < 20; i++) await writer.write('stdout', `line ${i}\n`);
    await writer.end();
    const stored = fs.readFileSync(files.stdout, 'utf8').trimEnd().split('\n');
    expect(stored.slice(0, 4)).toEqual(['line 0', 'line 1', 'line 2', 'line 3']);
    expect(stored[4]).toMatch(new RegExp(`^\\${TRUNCATION_MARKER} stdout reached 30 bytes`));
    expect(stored[5]).toBe(`${TRUNCATION_MARKER} 16 more lines were not stored`);
    expect(stored).toHaveLength(6);
    expect(seen.map((l) => l.text)).toEqual(stored);
  });
});

describe('readLogLines', () => {
  it('reads a range in batches and ignores a last line still being written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obw-logstore-'));
    const files = { stdout: path.join(dir, 'stdout.log'), stderr: path.join(dir, 'stderr.log') };
    fs.writeFileSync(files.stdout, 'a\nb\nc\nd\ne\nhalf');
    expect((await readAll(files.stdout, 'stdout', 1, 4)).map((l) => [l.line, l.text])).toEqual([
      [1, 'b'],
      [2, 'c'],
      [3, 'd'],
    ]);
    expect((await readAll(files.stdout, 'stdout', 3)).map((l) => l.text)).toEqual(['d', 'e']);
    expect(await readAll(files.stderr, 'stderr')).toEqual([]);
  });
});

describe('a resumed run appending to the files of its first attempt', () => {
  it('numbers on from the stored lines, completing a line a crash cut short', async () => {
    const { files, writer } = setup(1 << 20);
    await writer.write('stdout', 'one\ntwo\n');
    await writer.end();
    fs.appendFileSync(files.stdout, 'thr'); // the first attempt died mid-line
    const stored = {
      stdout: await countStoredLines(files.stdout),
      stderr: await countStoredLines(files.stderr),
    };
    expect(stored.stdout).toEqual({ lines: 3, bytes: 11, unterminated: true });
    expect(stored.stderr).toEqual({ lines: 0, bytes: 0, unterminated: false });

    const seen: LogLine[] = [];
    const resumed = new RunLogWriter(files, 1 << 20, (lines) => seen.push(...lines), undefined, stored);
    await resumed.write('stdout', 'four\n');
    await resumed.write('stderr', 'warn\n');
    await resumed.end();
    expect(seen).toEqual([
      { stream: 'stdout', line: 3, text: 'four' },
      { stream: 'stderr', line: 0, text: 'warn' },
    ]);
    // Live numbers and the file agree, as for any run.
    expect(await readAll(files.stdout, 'stdout')).toEqual([
      { stream: 'stdout', line: 0, text: 'one' },
      { stream: 'stdout', line: 1, text: 'two' },
      { stream: 'stdout', line: 2, text: 'thr' },
      { stream: 'stdout', line: 3, text: 'four' },
    ]);
  });
});
