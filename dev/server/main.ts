import 'dotenv/config'

import type { Server } from 'node:http'

import path from 'node:path'

import { bootstrapDatabase, resolveDataDir, projectRoot as root } from './bootstrap'
import { ConfigError, readServerSettings } from './settings'

const dataDir = resolveDataDir()

const cleanups: (() => Promise<unknown>)[] = []
async function runCleanups(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch((err) => console.error(err))
  }
}

async function main(): Promise<void> {
  let settings
  try {
    settings = readServerSettings(process.env)
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Refusing to start: ${err.message}`)
      process.exit(1)
    }
    throw err
  }

  let shuttingDown = false
  const shutdown = async (signal: string) => {
    if (shuttingDown) {
      return
    }
    shuttingDown = true
    console.log(`\n${signal} received, shutting down…`)
    await runCleanups()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  const database = await bootstrapDatabase(settings, { dataDir })
  cleanups.push(() => database.stop())
  if (database.embedded) {
    console.log(
      `Embedded PostgreSQL running on 127.0.0.1:${database.embedded.port} (data in ${path.relative(root, dataDir) || '.'}/postgres)`,
    )
  }

  // Imported only now: the config reads DATABASE_URL and PAYLOAD_SECRET when it is evaluated.
  const { default: configPromise } = await import('../payload.config')
  const { getPayload } = await import('payload')
  const config = await configPromise
  const payload = await getPayload({ config, cron: true })
  const { closePayload } = await import('payload-plugin-legal-documents')
  cleanups.push(() => closePayload(payload))

  if (settings.seedDemoUsers) {
    const { announceDemoUsers, ensureDemoUsers } = await import('./demoUsers')
    await announceDemoUsers(await ensureDemoUsers(payload), dataDir)
  }

  if (settings.seedContent) {
    const { seedIfEmpty } = await import('../../seed/seed')
    // A broken seed must not keep a developer from the admin: report it and start anyway.
    await seedIfEmpty(payload, { log: (line) => console.log(line) }).catch((err) => {
      console.error(
        `Seeding the reference content failed; starting without it (retry with \`npm run seed\`):\n${err instanceof Error ? err.stack : err}`,
      )
    })
  }

  let nextHandler
  if (process.env.NO_NEXT !== 'true') {
    const { default: next } = await import('next')
    const nextApp = next({
      dev: !settings.production,
      dir: path.join(root, 'dev'),
      hostname: settings.host,
      port: settings.port,
      webpack: true,
    })
    await nextApp.prepare()
    const handle = nextApp.getRequestHandler()
    nextHandler = (req: Parameters<typeof handle>[0], res: Parameters<typeof handle>[1]) =>
      handle(req, res)
  }

  const { createServer } = await import('./createServer')
  // DELIVERY_FAST_PATH=off serves everything through express (benchmarks compare both).
  const app = await createServer({
    config,
    fastPath: process.env.DELIVERY_FAST_PATH !== 'off',
    nextHandler,
    payload,
  })
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(settings.port, settings.host, (err?: Error) =>
      err ? reject(err) : resolve(s),
    )
  })
  cleanups.push(() => new Promise((resolve) => server.close(resolve)))
  if (process.env.IDLE_GC !== 'off') {
    const { startIdleCollector } = await import('./idleCollector')
    const collector = startIdleCollector()
    server.on('request', collector.touch)
    cleanups.push(() => Promise.resolve(collector.stop()))
  }
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : settings.port
  const shownHost = settings.host === '0.0.0.0' ? 'localhost' : settings.host
  console.log(
    `Legal documents ready: admin at http://${shownHost}:${port}/admin (${settings.production ? 'production' : 'development'})`,
  )
}

main().catch(async (err) => {
  console.error(err)
  // Never leave an embedded postgres behind when start-up fails half-way.
  await runCleanups()
  process.exit(1)
})
