// @ts-check

import payloadEsLintConfig from '@payloadcms/eslint-config'

export const defaultESLintIgnores = [
  '**/.temp',
  '**/.*',
  '**/.git',
  '**/tsconfig.tsbuildinfo',
  '**/README.md',
  '**/eslint.config.js',
  '**/payload-types.ts',
  '**/dist/',
  '**/build/',
  '**/node_modules/',
  '**/temp/',
  'dev/migrations/',
  'dev/app/(payload)/admin/importMap.js',
]

export default [
  { ignores: defaultESLintIgnores },
  ...payloadEsLintConfig,
  {
    rules: {
      'no-restricted-exports': 'off',
    },
  },
  {
    // Command-line tools, the reference server's start-up and the benchmarks talk to a terminal.
    files: [
      'bench/**',
      'dev/cli/**',
      'dev/server/**',
      'dev/testPublishDelay.ts',
      'seed/**',
      // Tests print what they measured (timings, outage summaries) beside their verdict.
      'test/**',
    ],
    rules: {
      'no-console': 'off',
    },
  },
  {
    // Tests and benchmarks read arbitrary JSON answers; typing each body would only restate them.
    files: ['bench/**', 'test/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    languageOptions: {
      parserOptions: {
        sourceType: 'module',
        ecmaVersion: 'latest',
        projectService: {
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 40,
          allowDefaultProject: [
            '*.js',
            '*.mjs',
            // Not reached through a TypeScript import (those the project itself lints).
            'bench/acceptanceLoad.mjs',
            'bench/consentLoad.mjs',
            'bench/loadgen.mjs',
            'bench/rawServer.mjs',
            'dev/*.mjs',
            'test/helpers/*.mjs',
            'test/host-app/template/*.mjs',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
]
