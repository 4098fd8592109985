import type { PayloadRequest, TaskConfig } from 'payload'

import type { ResolvedLegalDocumentsPluginOptions } from '../options.js'
import { SIGNATURE_HEADER, signBody } from './signature.js'

export const WEBHOOK_TASK = 'legalDocumentsWebhook'

export type PublishEvent = {
  event: 'legal-document.published'
  slug: string
  version: number
  materialChange: boolean
  title: string
  publishedAt: string
  lastModified: string
}

/**
 * One delivery of one event to one URL, as a Payload job: it is queued inside the publish
 * transaction (a rolled-back publish sends nothing), runs after it, and is retried with
 * exponential backoff. Its failure is the job's, never the publish's.
 */
export function webhookTask(options: ResolvedLegalDocumentsPluginOptions): TaskConfig {
  return {
    slug: WEBHOOK_TASK,
    label: 'Legal documents webhook',
    inputSchema: [
      { name: 'url', type: 'text', required: true },
      { name: 'body', type: 'text', required: true },
    ],
    retries: { attempts: options.webhooks.attempts, backoff: { type: 'exponential', delay: options.webhooks.retryDelayMs } },
    handler: async ({ input }: { input: unknown }) => {
      const { url, body } = input as { url: string; body: string }
      const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'payload-plugin-legal-documents' }
      if (options.webhooks.secret) headers[SIGNATURE_HEADER] = signBody(body, options.webhooks.secret)
      const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) })
      if (!res.ok) throw new Error(`Webhook ${url} answered ${res.status}`)
      return { output: { status: res.status } }
    },
  } as unknown as TaskConfig
}

export async function queuePublishWebhooks(
  req: PayloadRequest,
  options: ResolvedLegalDocumentsPluginOptions,
  event: PublishEvent,
): Promise<void> {
  const body = JSON.stringify(event)
  for (const url of options.webhooks.urls) {
    await req.payload.jobs.queue({ task: WEBHOOK_TASK as never, input: { url, body } as never, req })
  }
}
