import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tailLines } from './logTail.js';

describe('tailLines', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obw-tail-'));

  it('returns the last lines of a large file, whole', async () => {
    const file = path.join(dir, 'big.log');
    fs.writeFileSync(
      file,
      Array.from({ length: 50_000 }, (_, i) => `line ${i} ${'é'.repeat(i % 7)}`).join('\n') + '\n',
    );
    const lines = await tailLines(file, 3);
    expect(lines).toEqual([49_997, 49_998, 49_999].map((i) => `line ${i} ${'é'.repeat(i % 7)}`));
  });

  it('handles short files, a missing final newline and missing files', async () => {
    const file = path.join(dir, 'short.log');
    fs.writeFileSync(file, 'a\nb');
    expect(await tailLines(file, 10)).toEqual(['a', 'b']);
    expect(await tailLines(path.join(dir, 'none.log'), 10)).toEqual([]);
  });
});
