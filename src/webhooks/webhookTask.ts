import type { PayloadRequest, TaskConfig } from 'payload'

import type { ArchiveRecord } from '../delivery/documents.js'
import type { ResolvedLegalDocumentsPluginOptions } from '../options.js'

import { loadTimeline } from '../delivery/documents.js'
import { localApi } from '../localApi.js'
import { versionStatus } from '../versions/timeline.js'
import { SIGNATURE_HEADER, signBody } from './signature.js'

export const WEBHOOK_TASK = 'legalDocumentsWebhook'

/** The published version's facts as its archive record states them, and what happened to it. */
export type PublishEvent = {
  /** When the version takes effect (its effective date, never before it was published). */
  effectiveDate: string
  /**
   * `published`: a new version is public (maybe ahead of its effective date: it is upcoming);
   * `effective`: a version took effect and is now the one in force.
   */
  event: 'legal-document.effective' | 'legal-document.published'
} & Pick<
  ArchiveRecord,
  'lastModified' | 'materialChange' | 'publishedAt' | 'slug' | 'title' | 'version'
>

/**
 * A published document was taken offline by a reviewer (workflow `withdraw`): readers get 410
 * from now on. `version` is the last version that was published. The reason stays in the
 * review history (staff only): a receiver may be a third party.
 */
export type WithdrawEvent = {
  event: 'legal-document.withdrawn'
  slug: string
  title: string
  version: number
  withdrawnAt: string
}

export type WebhookEvent = PublishEvent | WithdrawEvent

/**
 * One delivery of one event to one URL, as a Payload job: it is queued inside the publish
 * transaction (a rolled-back publish sends nothing), runs after it, and is retried with
 * exponential backoff. Its failure is the job's, never the publish's.
 */
/** Typed by its input and output: the host's generated task slugs cannot name the plugin's task. */
type WebhookTaskIO = {
  input: { body: string; url: string }
  output: { skipped: string } | { status: number }
}

export function webhookTask(
  options: ResolvedLegalDocumentsPluginOptions,
): TaskConfig<WebhookTaskIO> {
  return {
    slug: WEBHOOK_TASK,
    handler: async ({ input, req }) => {
      const { body, url } = input
      const event = JSON.parse(body) as WebhookEvent
      // Queued at publish to run when the version takes effect; a later version that took effect
      // first (or a withdrawal) means this one never did, and nobody is told it did.
      if (event.event === 'legal-document.effective' && !(await stillTakesEffect(req, event))) {
        return { output: { skipped: 'not in force' } }
      }
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'user-agent': 'payload-plugin-legal-documents',
      }
      if (options.webhooks.secret) {
        headers[SIGNATURE_HEADER] = signBody(body, options.webhooks.secret)
      }
      const res = await fetch(url, {
        body,
        headers,
        method: 'POST',
        signal: AbortSignal.timeout(10_000),
      })
      if (!res.ok) {
        throw new Error(`Webhook ${url} answered ${res.status}`)
      }
      return { output: { status: res.status } }
    },
    inputSchema: [
      { name: 'url', type: 'text', required: true },
      { name: 'body', type: 'text', required: true },
    ],
    label: 'Legal documents webhook',
    retries: {
      attempts: options.webhooks.attempts,
      backoff: { type: 'exponential', delay: options.webhooks.retryDelayMs },
    },
  }
}

async function stillTakesEffect(req: PayloadRequest, event: PublishEvent): Promise<boolean> {
  try {
    const { entries, timeline } = await loadTimeline(req.payload, event.slug)
    const entry = entries.find((v) => v.version === event.version)
    // Run late (the queue was down), a version may be superseded already: it still took effect.
    return (
      Boolean(entry) &&
      ['in-force', 'superseded'].includes(versionStatus(entry!, timeline, entries))
    )
  } catch {
    return false
  }
}

/**
 * Both events of a publish, inside its transaction: `published` now, `effective` when the
 * version takes effect (at once, or by the jobs queue's `waitUntil` at its effective date).
 */
export async function queuePublishWebhooks(
  req: PayloadRequest,
  options: ResolvedLegalDocumentsPluginOptions,
  event: Omit<PublishEvent, 'event'>,
): Promise<void> {
  const effectiveAt = Date.parse(event.effectiveDate)
  const later = effectiveAt > Date.parse(event.publishedAt) ? new Date(effectiveAt) : undefined
  for (const url of options.webhooks.urls) {
    await queueDelivery(req, url, JSON.stringify({ event: 'legal-document.published', ...event }))
    await queueDelivery(
      req,
      url,
      JSON.stringify({ event: 'legal-document.effective', ...event }),
      later,
    )
  }
}

/** The one place a delivery is queued (the task is registered by slug, so its input is not typed by Payload's generated types). */
async function queueDelivery(
  req: PayloadRequest,
  url: string,
  body: string,
  waitUntil?: Date,
): Promise<void> {
  await localApi(req.payload).queueTask({
    input: { body, url },
    req,
    task: WEBHOOK_TASK,
    waitUntil,
  })
}

/** `legal-document.withdrawn`, queued inside the withdrawal's transaction (a refused or rolled-back one sends nothing). */
export async function queueWithdrawWebhooks(
  req: PayloadRequest,
  options: ResolvedLegalDocumentsPluginOptions,
  event: Omit<WithdrawEvent, 'event'>,
): Promise<void> {
  const body = JSON.stringify({ event: 'legal-document.withdrawn', ...event })
  for (const url of options.webhooks.urls) {
    await queueDelivery(req, url, body)
  }
}
