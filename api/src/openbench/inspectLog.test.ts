import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readInspectLogHeader } from './inspectLog.js';

const FIXTURE = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'test',
  'fixtures',
  'offline-demo-success.json',
);

describe('readInspectLogHeader', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obw-log-'));

  it('reads the header of a real offline-demo log', async () => {
    const header = await readInspectLogHeader(FIXTURE);
    expect(header.status).toBe('success');
    expect(header.eval?.task).toBe('offline_demo');
    expect(header.results?.scores?.[0]?.metrics.accuracy?.value).toBe(0.75);
    expect(header).not.toHaveProperty('samples');
  });

  it('stops before the samples, however large they are', async () => {
    const file = path.join(dir, 'huge.json');
    const text = fs.readFileSync(FIXTURE, 'utf8');
    const cut = text.indexOf('\n  "samples": [');
    // A samples array that is not even valid JSON: it must never be read.
    fs.writeFileSync(file, text.slice(0, cut) + '\n  "samples": [' + '{"x": '.repeat(200_000));
    const header = await readInspectLogHeader(file, 1);
    expect(header.results?.completed_samples).toBe(12);
  });

  it('accepts NaN and a multi-byte character on a chunk boundary', async () => {
    const file = path.join(dir, 'nan.json');
    const padding = 'é'.repeat(200_000);
    fs.writeFileSync(
      file,
      `{\n  "version": 2,\n  "status": "error",\n  "eval": {"task": "${padding}"},\n  "results": {"scores": [{"name": "m", "scorer": "m", "metrics": {"accuracy": {"name": "accuracy", "value": NaN}}}]},\n  "error": {"message": "boom"},\n  "samples": []\n}`,
    );
    const header = await readInspectLogHeader(file, 1);
    expect(header.eval?.task).toBe(padding);
    expect(header.results?.scores?.[0]?.metrics.accuracy?.value).toBeNaN();
    expect(header.error?.message).toBe('boom');
  });

  it('retries a half-written file and fails clearly when it stays broken', async () => {
    const file = path.join(dir, 'half.json');
    fs.writeFileSync(file, '{\n  "version": 2,\n  "status": "sta');
    setTimeout(() => fs.copyFileSync(FIXTURE, file), 150);
    expect((await readInspectLogHeader(file, 5)).status).toBe('success');
    fs.writeFileSync(file, '{ "version": 2,');
    await expect(readInspectLogHeader(file, 2)).rejects.toThrow();
  });
});
