import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type TaskConfig } from 'payload'

import { hasRole } from '../roles.js'
import type { ResolvedLegalDocumentsPluginOptions } from '../options.js'
import { SLUGS } from '../slugs.js'
import { nowOf } from '../utilities/pluginOptions.js'

export const CONSENT_RETENTION_TASK = 'legalDocumentsConsentRetention'

/** Daily at 03:15 (server time): Payload's scheduler queues the task on the default queue. */
export const CONSENT_RETENTION_CRON = '0 15 3 * * *'

/** `months` calendar months before `now` (UTC); the 31st of a shorter month clamps to its last day. */
export function retentionCutoff(now: number, months: number): Date {
  const d = new Date(now)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() - months)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return d
}

/**
 * Deletes consent records whose `recordedAt` is older than `consent.retentionMonths` by the
 * plugin's clock, counted and logged. The log is append-only on every API (its hooks refuse
 * every delete, src/consent/appendOnly.ts): this job deletes through the database adapter, which
 * runs no collection hooks, in one transaction with the count it logs. Nothing else does.
 */
export async function purgeExpiredConsents(payload: Payload, options: ResolvedLegalDocumentsPluginOptions): Promise<{ deleted: number; cutoff: string | null }> {
  const months = options.consent.retentionMonths
  if (!(months > 0)) return { deleted: 0, cutoff: null }
  const cutoff = retentionCutoff(nowOf(payload), months).toISOString()
  const where = { recordedAt: { less_than: cutoff } }
  const req = await createLocalReq({}, payload)
  const shouldCommit = await initTransaction(req)
  try {
    const { totalDocs } = await payload.db.count({ collection: SLUGS.consents, where, req })
    if (totalDocs) await payload.db.deleteMany({ collection: SLUGS.consents, where, req })
    if (shouldCommit) await commitTransaction(req)
    payload.logger.info({ msg: `Consent retention: deleted ${totalDocs} consent record(s) recorded before ${cutoff} (${months} months).`, deleted: totalDocs, cutoff })
    return { deleted: totalDocs, cutoff }
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}

/**
 * The retention job, scheduled daily. Registered and scheduled even when the plugin is disabled
 * (the jobs table's schema names the task, and a schedule adds Payload's jobs-stats global: the
 * schema must not change), but then it deletes nothing.
 */
export function consentRetentionTask(options: ResolvedLegalDocumentsPluginOptions): TaskConfig {
  return {
    slug: CONSENT_RETENTION_TASK,
    label: 'Legal documents: consent log retention',
    schedule: [{ cron: CONSENT_RETENTION_CRON, queue: 'default' }],
    retries: 2,
    handler: async ({ req }: { req: { payload: Payload } }) => ({
      output: options.disabled ? { deleted: 0, cutoff: null } : await purgeExpiredConsents(req.payload, options),
    }),
  } as unknown as TaskConfig
}

/** The global Payload adds for scheduled tasks (it records when each schedule last queued a job). */
export const JOB_STATS_GLOBAL = 'payload-jobs-stats'

/**
 * Payload adds `payload-jobs-stats` for the retention schedule with its default access: any
 * signed-in user could read it and write it over REST and GraphQL, and a far-future
 * `lastScheduledRun` there would stop the retention job for good. Payload writes it through the
 * database adapter only, so its API access is closed: read admins, update nobody.
 */
export function lockJobStatsGlobal(payload: Payload): void {
  const global = payload.config.globals.find((g) => g.slug === JOB_STATS_GLOBAL)
  if (!global) return
  const admins = ({ req }: { req: { user?: unknown } }) => hasRole(req.user as never, 'admin')
  const nobody = () => false
  Object.assign(global.access, { read: admins, readVersions: nobody, readDrafts: nobody, update: nobody })
}
