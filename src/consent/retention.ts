import type { Payload, TaskConfig } from 'payload'

import type { ResolvedLegalDocumentsPluginOptions } from '../options.js'

import { hasRole } from '../roles.js'
import { nowOf } from '../utilities/pluginOptions.js'
import { forgetConsentMonths } from './ingest.js'
import { deleteConsentsBefore, ensureConsentMonths } from './storage.js'

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
 * plugin's clock, and creates the month tables for the coming months. The log is append-only on
 * every API (its hooks refuse every delete, src/consent/appendOnly.ts): this job deletes below
 * the API, in the storage layout of src/consent/storage.ts (whole months dropped, the partly
 * expired month deleted in small batches), and logs what it deleted. Nothing else deletes.
 */
export async function purgeExpiredConsents(
  payload: Payload,
  options: ResolvedLegalDocumentsPluginOptions,
): Promise<{
  createdMonths: string[]
  cutoff: null | string
  deleted: number
  droppedMonths: string[]
}> {
  const now = nowOf(payload)
  const createdMonths = await ensureConsentMonths(payload, now)
  const months = options.consent.retentionMonths
  let result: { deleted: number; droppedMonths: string[] } = { deleted: 0, droppedMonths: [] }
  let cutoff: Date | null = null
  if (months > 0) {
    cutoff = retentionCutoff(now, months)
    result = await deleteConsentsBefore(payload, cutoff)
    payload.logger.info({
      cutoff: cutoff.toISOString(),
      deleted: result.deleted,
      droppedMonths: result.droppedMonths,
      msg: `Consent retention: deleted ${result.deleted} consent record(s) recorded before ${cutoff.toISOString()} (${months} months).`,
    })
  }
  forgetConsentMonths(payload)
  return { ...result, createdMonths, cutoff: cutoff?.toISOString() ?? null }
}

/**
 * At start-up: this month's table and the coming ones. A database without the consent log's
 * table yet (a `payload migrate` still to run) is left alone: records then go to the parent
 * table, and the daily job creates the months.
 */
export async function prepareConsentMonths(payload: Payload): Promise<void> {
  try {
    await ensureConsentMonths(payload, nowOf(payload))
  } catch (err) {
    if ((err as { code?: string }).code !== '42P01') {
      throw err
    }
    payload.logger.warn(
      'Consent log: the table legal_consents does not exist yet, so its month tables were not created (run the migrations).',
    )
  }
  forgetConsentMonths(payload)
}

/**
 * The retention job, scheduled daily. Registered and scheduled even when the plugin is disabled
 * (the jobs table's schema names the task, and a schedule adds Payload's jobs-stats global: the
 * schema must not change), but then it deletes nothing.
 */
type RetentionTaskIO = { input: object; output: Awaited<ReturnType<typeof purgeExpiredConsents>> }

export function consentRetentionTask(
  options: ResolvedLegalDocumentsPluginOptions,
): TaskConfig<RetentionTaskIO> {
  return {
    slug: CONSENT_RETENTION_TASK,
    handler: async ({ req }) => ({
      output: options.disabled
        ? { createdMonths: [], cutoff: null, deleted: 0, droppedMonths: [] }
        : await purgeExpiredConsents(req.payload, options),
    }),
    label: 'Legal documents: consent log retention',
    retries: 2,
    schedule: [{ cron: CONSENT_RETENTION_CRON, queue: 'default' }],
  }
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
  if (!global) {
    return
  }
  const admins = ({ req }: { req: { user?: null | object } }) => hasRole(req.user, 'admin')
  const nobody = () => false
  Object.assign(global.access, {
    read: admins,
    readDrafts: nobody,
    readVersions: nobody,
    update: nobody,
  })
}
