/**
 * Browser tests: jest drives Debian's chromium through playwright-core against the production
 * build (`npm run build` first). Run by `npm run test:e2e` and by .ci/run.
 */
import base from './jest.config.js'

/** @type {import('jest').Config} */
const config = {
  ...base,
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 240_000,
  maxWorkers: 1,
}

export default config
