import fs from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../src/schema/index.js';
import { ROOT } from './helpers.js';

describe('schema/schema.graphql', () => {
  it('is the printed schema of the server (run `npm run schema` after changing the API)', () => {
    const committed = fs.readFileSync(path.join(ROOT, 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(printSchema(schema) + '\n');
  });
});
