// Lists the modules with top-level await in the static ESM graph of this project's runtime
// dependencies, resolved with the export conditions the process was started with
// (`node --conditions=… --experimental-import-meta-resolve test/helpers/topLevelAwaitScan.mjs`).
// Prints JSON: { modules, entries, withTopLevelAwait, resolved }.
// Run by test/integration/moduleGraph.test.ts; see dev/server/nodeArgs.ts for why it matters.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { parse } from 'acorn'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
const fromRoot = new URL(`file://${root}/package.json`).href

const typeCache = new Map()
function packageType(dir) {
  if (typeCache.has(dir)) return typeCache.get(dir)
  const file = path.join(dir, 'package.json')
  let type
  if (fs.existsSync(file)) type = JSON.parse(fs.readFileSync(file, 'utf8')).type ?? 'commonjs'
  else type = path.dirname(dir) === dir ? 'commonjs' : packageType(path.dirname(dir))
  typeCache.set(dir, type)
  return type
}
const isEsm = (file) =>
  file.endsWith('.mjs') || (file.endsWith('.js') && packageType(path.dirname(file)) === 'module')

function awaitsAtTopLevel(node) {
  if (!node || typeof node.type !== 'string') return false
  if (/Function/.test(node.type)) return false
  if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) return true
  for (const key of Object.keys(node)) {
    const value = node[key]
    if (
      Array.isArray(value)
        ? value.some(awaitsAtTopLevel)
        : value && typeof value.type === 'string' && awaitsAtTopLevel(value)
    )
      return true
  }
  return false
}

const seen = new Set()
const withTopLevelAwait = []
function visit(url) {
  if (seen.has(url) || !url.startsWith('file:')) return
  seen.add(url)
  const file = fileURLToPath(url)
  if (!isEsm(file)) return
  let ast
  try {
    ast = parse(fs.readFileSync(file, 'utf8'), {
      ecmaVersion: 'latest',
      sourceType: 'module',
      allowAwaitOutsideFunction: true,
      allowHashBang: true,
    })
  } catch {
    return
  }
  if (ast.body.some(awaitsAtTopLevel)) withTopLevelAwait.push(path.relative(root, file))
  for (const node of ast.body) {
    if (
      !node.source ||
      !/^(ImportDeclaration|ExportAllDeclaration|ExportNamedDeclaration)$/.test(node.type)
    )
      continue
    try {
      visit(import.meta.resolve(node.source.value, url))
    } catch {
      // Optional peers that are not installed: not part of the graph.
    }
  }
}

const entries = []
// The runtime graph: what the package needs and what it expects the host to have.
for (const name of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) {
  let url
  try {
    url = import.meta.resolve(name, fromRoot)
  } catch {
    continue // no ESM entry (a CLI-only package)
  }
  entries.push(name)
  visit(url)
}
const resolved = Object.fromEntries(
  ['lexical', '@lexical/utils'].map((name) => [
    name,
    path.relative(root, fileURLToPath(import.meta.resolve(name, fromRoot))),
  ]),
)
console.log(JSON.stringify({ modules: seen.size, entries, withTopLevelAwait, resolved }))
