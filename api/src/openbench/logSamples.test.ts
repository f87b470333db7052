import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLogSamples, readSampleAt, type LocatedSample } from './logSamples.js';

const FIXTURE = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'test',
  'fixtures',
  'offline-demo-success.json',
);

async function all(file: string, batch = 5): Promise<LocatedSample[]> {
  const out: LocatedSample[] = [];
  for await (const b of readLogSamples(file, batch)) out.push(...b);
  return out;
}

describe('readLogSamples', () => {
  it('streams every sample of a real log with byte ranges that read back the same sample', async () => {
    const expected = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')).samples;
    const samples = await all(FIXTURE);
    expect(samples.map((s) => s.sample)).toEqual(expected);
    for (const s of samples.slice(0, 3))
      expect(await readSampleAt(FIXTURE, s.offset, s.length)).toEqual(s.sample);
  });

  it('handles samples that straddle chunk boundaries, NaN values and a log with no samples', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obw-samples-'));
    const big = path.join(dir, 'big.json');
    const sample = (i: number) => ({
      id: `s${i}`,
      epoch: 1,
      input: 'x'.repeat(1_500_000 + i),
      target: '}',
      scores: { m: { value: 'C' } },
      nested: { a: [{ b: '    }' }] },
    });
    const text = JSON.stringify(
      { version: 2, status: 'success', samples: [0, 1, 2, 3, 4].map(sample), reductions: [] },
      null,
      2,
    ).replace('"epoch": 1,\n      "input": "x', '"epoch": 1,\n      "score": NaN,\n      "input": "x');
    fs.writeFileSync(big, text);
    const samples = await all(big, 2);
    expect(samples.map((s) => s.sample.id)).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(samples[0]!.sample.score).toBeNaN();
    expect((samples[3]!.sample.input as string).length).toBe(1_500_003);
    expect((await readSampleAt(big, samples[4]!.offset, samples[4]!.length)).id).toBe('s4');

    const empty = path.join(dir, 'empty.json');
    fs.writeFileSync(empty, JSON.stringify({ version: 2, status: 'error', samples: [] }, null, 2));
    expect(await all(empty)).toEqual([]);
    const none = path.join(dir, 'none.json');
    fs.writeFileSync(none, JSON.stringify({ version: 2, status: 'started' }, null, 2));
    expect(await all(none)).toEqual([]);
  });
});
