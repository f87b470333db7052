// Plain JS: on Node 20 jest can only load a jest.config.ts through ts-node, which the project
// does not otherwise need.

/** @type {import('jest').Config} */
const config = {
  // Browser end-to-end tests: real API server (child process), built client, Debian's Chromium.
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } },
    ],
  },
  // Test helpers import siblings as `./x.js` (NodeNext); jest resolves the .ts file behind it.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/e2e/**/*.test.ts'],
  testTimeout: 180_000,
};

export default config;
