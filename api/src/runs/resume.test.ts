import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunRow } from '../db/entities/Run.js';
import { resumability } from './resume.js';

const FIXTURE = path.join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'offline-demo-success.json');
const row = (resumeCount = 0) => ({ resumeCount }) as RunRow;

/** The fixture log as a killed run leaves it: status "started", with `samples` finished samples. */
function partialLog(samples: number): string {
  const log = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, unknown> & {
    samples: unknown[];
  };
  const { results: _results, ...rest } = log;
  const partial = { ...rest, status: 'started', samples: log.samples.slice(0, samples) };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'obw-resume-')), 'partial.json');
  fs.writeFileSync(file, JSON.stringify(partial, null, 2));
  return file;
}

describe('resumability of a run whose worker died', () => {
  it('resumes from a partial log with finished samples', async () => {
    const log = partialLog(3);
    expect(await resumability(row(), log)).toEqual({ resumable: true, log });
  });

  it('refuses, with the reason, what a resume cannot honestly continue', async () => {
    expect(await resumability(row(1), partialLog(3))).toEqual({
      resumable: false,
      reason: 'its worker stopped again after it had been resumed once',
    });
    expect(await resumability(row(), null)).toMatchObject({ reason: 'bench had not written a log yet' });
    expect(await resumability(row(), partialLog(0))).toMatchObject({
      reason: 'its log holds no finished sample yet',
    });
    expect(await resumability(row(), FIXTURE)).toMatchObject({
      reason: 'its log says it had already finished',
    });
    const garbage = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'obw-resume-')), 'bad.json');
    fs.writeFileSync(garbage, '{"vers');
    expect(await resumability(row(), garbage)).toMatchObject({ reason: 'its partial log cannot be read' });
  });
});
