import fs from 'node:fs';

const CHUNK = 64 * 1024;

/**
 * The last `count` lines of a text file, read backwards in chunks so the cost depends on the
 * lines asked for, not on the size of the file. A missing file has no lines.
 */
export async function tailLines(file: string, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const handle = await fs.promises.open(file, 'r').catch(() => null);
  if (!handle) return [];
  try {
    const { size } = await handle.stat();
    let position = size;
    let newlines = 0;
    const chunks: Buffer[] = [];
    while (position > 0 && newlines <= count) {
      const length = Math.min(CHUNK, position);
      position -= length;
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, position);
      chunks.unshift(buffer);
      for (const byte of buffer) if (byte === 0x0a) newlines++;
    }
    const lines = Buffer.concat(chunks).toString('utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    // The first line may be cut in the middle unless the read reached the start of the file.
    if (position > 0) lines.shift();
    return lines.slice(-count);
  } finally {
    await handle.close();
  }
}
