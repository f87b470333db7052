import fs from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../src/schema/index.js';

// Writes schema/schema.graphql, the contract the client's codegen reads; a test keeps it fresh.
const target = path.resolve(import.meta.dirname, '..', '..', 'schema', 'schema.graphql');
fs.writeFileSync(target, printSchema(schema) + '\n');
console.log(`wrote ${target}`);
