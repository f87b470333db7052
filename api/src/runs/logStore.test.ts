import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLogLines, RunLogWriter, TRUNCATION_MARKER, type LogLine } from './logStore.js';

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
