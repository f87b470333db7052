import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

// Paths are resolved from this file, not the working directory, because both the root
// (`npm run codegen`) and the client workspace (`npm run build -w client`) run this config.
const root = path.dirname(fileURLToPath(import.meta.url));

const config: CodegenConfig = {
  schema: path.join(root, 'schema/schema.graphql'),
  documents: [path.join(root, 'client/src/**/*.graphql')],
  ignoreNoDocuments: false,
  generates: {
    [path.join(root, 'client/src/graphql/')]: {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
