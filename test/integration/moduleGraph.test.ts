import { describe, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { exportCondition, nodeArgs } from '../../dev/server/nodeArgs'

/**
 * Node 20 sometimes never settles an import() whose graph holds several modules with top-level
 * await evaluating at once: the process exits 0 having done nothing. Lexical's `node` entries
 * are such modules; dev/server/nodeArgs.ts picks the export condition that avoids them. These
 * tests keep every process we start on that path, and catch a dependency bringing TLA back.
 */

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')
const scanner = 'test/helpers/topLevelAwaitScan.mjs'

type Scan = {
  entries: string[]
  modules: number
  resolved: Record<string, string>
  withTopLevelAwait: string[]
}

async function scan(flags: string[]): Promise<Scan> {
  const { stdout } = await run(
    process.execPath,
    [...flags, '--experimental-import-meta-resolve', scanner],
    { cwd: root, maxBuffer: 10 * 1024 * 1024 },
  )
  return JSON.parse(stdout) as Scan
}

describe('the module graph the app runs on', () => {
  test("the scan finds top-level await where it exists: Lexical's `node` entries without a condition", async () => {
    const result = await scan([])
    expect(result.resolved.lexical).toBe('node_modules/lexical/dist/Lexical.node.mjs')
    expect(result.withTopLevelAwait).toEqual(
      expect.arrayContaining([
        'node_modules/lexical/dist/Lexical.node.mjs',
        'node_modules/@lexical/utils/dist/LexicalUtils.node.mjs',
      ]),
    )
  })

  test.each(['development', 'production'])(
    'with the %s condition no module of the runtime dependencies awaits at top level',
    async (nodeEnv) => {
      const flags = nodeArgs({ NODE_ENV: nodeEnv }).filter((flag) =>
        flag.startsWith('--conditions='),
      )
      expect(flags).toEqual([`--conditions=${nodeEnv}`])
      const result = await scan(flags)
      // The whole server graph was walked, not an empty one.
      expect(result.entries).toEqual(
        expect.arrayContaining([
          'payload',
          '@payloadcms/db-postgres',
          '@payloadcms/richtext-lexical',
          '@payloadcms/graphql',
          'next',
        ]),
      )
      expect(result.modules).toBeGreaterThan(800)
      expect(result.resolved.lexical).toBe(
        `node_modules/lexical/dist/Lexical.${nodeEnv === 'production' ? 'prod' : 'dev'}.mjs`,
      )
      expect(result.withTopLevelAwait).toEqual([])
    },
  )

  test('six processes importing the rich-text editor at once all finish (without the condition most of them exit silently)', async () => {
    const flags = nodeArgs({ NODE_ENV: 'development' }).filter((flag) =>
      flag.startsWith('--conditions='),
    )
    const probe = "await import('@payloadcms/richtext-lexical'); console.log('imported')"
    const runs = await Promise.all(
      Array.from({ length: 6 }, () =>
        run(process.execPath, [...flags, '--input-type=module', '-e', probe], { cwd: root }).then(
          ({ stdout }) => stdout.trim(),
        ),
      ),
    )
    expect(runs).toEqual(Array(6).fill('imported'))
  })
})

describe('every way the app is started', () => {
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
  ).scripts

  test('npm scripts that run TypeScript through tsx pass the export condition for their NODE_ENV', () => {
    const tsxScripts = Object.entries(scripts).filter(([, command]) =>
      command.includes('--import tsx'),
    )
    expect(tsxScripts.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'dev',
        'start',
        'seed',
        'import',
        'export',
        'restore',
        'bench',
        'soak',
      ]),
    )
    for (const [name, command] of tsxScripts) {
      const nodeEnv = /NODE_ENV=(\w+)/.exec(command)?.[1]
      expect({ name, command: command.replace(/^.*?node /, 'node ') }).toEqual({
        name,
        command: expect.stringContaining(`node ${nodeArgs({ NODE_ENV: nodeEnv }).join(' ')} `),
      })
    }
    expect(exportCondition({ NODE_ENV: 'production' })).toBe('production')
  })

  test('the processes tests, benchmarks and the soak run spawn use nodeArgs, never a bare --import tsx', () => {
    const files = ['test', 'bench', 'src', 'dev', 'seed'].flatMap((dir) =>
      fs
        .readdirSync(path.join(root, dir), { encoding: 'utf8', recursive: true })
        .map((file) => path.join(dir, file)),
    )
    const bare = files.filter(
      (file) =>
        /\.m?[jt]s$/.test(file) &&
        /'--import',\s*'tsx'/.test(fs.readFileSync(path.join(root, file), 'utf8')),
    )
    expect(bare).toEqual(['dev/server/nodeArgs.ts'])
  })
})
