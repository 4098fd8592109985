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
    languageOptions: {
      parserOptions: {
        sourceType: 'module',
        ecmaVersion: 'latest',
        projectService: {
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 40,
          allowDefaultProject: ['*.js', '*.mjs', '*.d.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
]
