import { describe, expect, test } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The split between the plugin (src/, collections/: the package) and the reference app (dev/,
 * seed/, bench/), checked on the source: the app reaches the plugin only through the package's
 * entry points, and the plugin never reaches into the app or its development tools.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  exports: Record<string, unknown>
  name: string
  peerDependencies: Record<string, string>
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { encoding: 'utf8', recursive: true })
    .filter(
      (file) =>
        /\.m?[jt]sx?$/.test(file) && !file.includes('node_modules') && !file.includes('.next'),
    )
    .map((file) => path.join(dir, file))
}

/** Every module specifier of static imports, re-exports and dynamic imports. */
function specifiers(source: string): string[] {
  const found: string[] = []
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
  for (const m of code.matchAll(
    /(?:^|[^\w.])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm,
  )) {
    found.push(m[1] ?? m[2] ?? m[3])
  }
  return found
}

const appFiles = ['dev', 'seed', 'bench'].flatMap(filesUnder)
const pluginFiles = ['src', 'collections'].flatMap(filesUnder)

describe('the plugin and the reference app are two parts', () => {
  test('the scan sees the imports it checks', () => {
    expect(
      specifiers(
        "import { a } from '../src/x'\nexport { b } from \"./y.js\"\nconst c = await import('z')\nimport './s.css'",
      ),
    ).toEqual(['../src/x', './y.js', 'z', './s.css'])
    expect(appFiles.length).toBeGreaterThan(40)
    expect(pluginFiles.length).toBeGreaterThan(80)
  })

  test('the reference app, seed and bench import the plugin only by its package entry points', () => {
    const entryPoints = Object.keys(pkg.exports).map((key) =>
      key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`,
    )
    const offenders: string[] = []
    for (const file of appFiles) {
      for (const spec of specifiers(fs.readFileSync(path.join(root, file), 'utf8'))) {
        const target = spec.startsWith('.')
          ? path.relative(root, path.resolve(path.dirname(path.join(root, file)), spec))
          : null
        if (target && (target.startsWith('src') || target.startsWith('collections'))) {
          offenders.push(`${file}: ${spec}`)
        }
        if (spec.startsWith(`${pkg.name}/`) && !entryPoints.includes(spec)) {
          offenders.push(`${file}: ${spec}`)
        }
      }
    }
    expect(offenders).toEqual([])
  })

  test('the plugin imports nothing of the app, the tests, or a package it does not declare', () => {
    const declared = new Set([
      ...Object.keys(pkg.dependencies),
      ...Object.keys(pkg.peerDependencies),
    ])
    const offenders: string[] = []
    for (const file of pluginFiles) {
      for (const spec of specifiers(fs.readFileSync(path.join(root, file), 'utf8'))) {
        if (spec.startsWith('.')) {
          const target = path.relative(
            root,
            path.resolve(path.dirname(path.join(root, file)), spec),
          )
          if (!target.startsWith('src') && !target.startsWith('collections')) {
            offenders.push(`${file}: ${spec}`)
          }
          // NodeNext: Node loads dist/ as it is, so relative imports name their file.
          if (!/\.(?:js|css)$/.test(spec)) {
            offenders.push(`${file}: ${spec} (no .js suffix)`)
          }
          continue
        }
        if (spec.startsWith('node:')) {
          continue
        }
        const name = spec
          .split('/')
          .slice(0, spec.startsWith('@') ? 2 : 1)
          .join('/')
        if (!declared.has(name)) {
          offenders.push(`${file}: ${spec} (not a dependency or peer)`)
        }
      }
    }
    expect(offenders).toEqual([])
  })
})
