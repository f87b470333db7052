import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';

const FIXTURE = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'test',
  'fixtures',
  'offline-demo-success.json',
);

/**
 * Writes an inspect JSON log of about `bytes` bytes that inspect itself can read: the header of
 * a real offline-demo log, then its real samples repeated under new ids, pretty-printed with an
 * indent of 2 as inspect writes them. Returns the number of samples written.
 */
export async function writeSyntheticLog(file: string, bytes: number): Promise<number> {
  const real = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, unknown> & {
    samples: Record<string, unknown>[];
  };
  const { samples: templates, reductions: _reductions, ...header } = real;
  const out = fs.createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const head = JSON.stringify(header, null, 2);
  await write(head.slice(0, -2) + ',\n  "samples": [\n');
  let written = head.length;
  let count = 0;
  while (written < bytes) {
    const template = templates[count % templates.length]!;
    const sample = { ...template, id: `${String(template.id)}-${Math.floor(count / templates.length)}` };
    const text = (count === 0 ? '' : ',\n') + JSON.stringify(sample, null, 2).replace(/^/gm, '    ');
    await write(text);
    written += text.length;
    count++;
  }
  await write('\n  ]\n}\n');
  out.end();
  await once(out, 'close');
  return count;
}
