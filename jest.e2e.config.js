/**
 * Browser tests: jest drives Debian's chromium through playwright-core against the production
 * build (`npm run build` first), and the cookie banner's test against the API server alone.
 * Run by `npm run test:e2e` and by .ci/run. The unit's PostgreSQL set-up is the same as
 * `npm test`'s (the banner test makes its own database on it).
 */
import base from './jest.config.js'

/** @type {import('jest').Config} */
const config = {
  ...base,
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  testTimeout: 240_000,
  maxWorkers: 1,
}

export default config
