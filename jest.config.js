/**
 * Payload is ESM-only, so jest runs with --experimental-vm-modules and swc emits ES modules.
 * One embedded PostgreSQL is started for the whole run (globalSetup); every test file
 * creates its own database on it, so files can run in parallel without racing schema pushes.
 */
/** @type {import('jest').Config} */
const config = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'es6' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/'],
  // The reference app and the tests import the plugin by its package name, as a host does;
  // here that name means the source. Relative imports carry NodeNext's `.js` suffix.
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/dev/payload.config.ts',
    '^payload-plugin-legal-documents$': '<rootDir>/src/index.ts',
    '^payload-plugin-legal-documents/(client|rsc|importer|next|consent)$':
      '<rootDir>/src/exports/$1.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  globalSetup: '<rootDir>/test/helpers/globalSetup.ts',
  globalTeardown: '<rootDir>/test/helpers/globalTeardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
}

export default config
