import type { CollectionSlug } from 'payload'

/** Options of `legalDocumentsPlugin`. Every option has a default; `legalDocumentsPlugin()` works as is. */
export type LegalDocumentsPluginOptions = {
  /**
   * Keep the collections (and so the database schema), their access rules and workflow hooks,
   * but add no endpoints, GraphQL queries or mutations and no background listeners. The review
   * actions are gone, so nothing can be submitted or approved while disabled (a draft approved
   * before can still be published by a reviewer, under the same rules). Lets a host
   * turn the plugin off without a destructive migration.
   * @default false
   */
  disabled?: boolean
  /**
   * The auth collection whose users write, review and publish legal documents. The plugin
   * adds a `roles` field (admin, editor, reviewer) to it.
   * @default 'users'
   */
  usersCollection?: CollectionSlug
  /**
   * Four-eyes rule: nobody, admins included, may approve a draft they changed themselves.
   * Turn off only for one-person teams.
   * @default true
   */
  fourEyes?: boolean
  /**
   * Outgoing webhooks: after every publish that makes a new version, each URL receives
   * `POST {event, slug, version, materialChange, title, publishedAt, lastModified}`, signed
   * with `X-Legal-Signature: sha256=<HMAC-SHA256 of the body>` when a secret is set. Sent by
   * Payload's jobs queue (the app must run it), retried with exponential backoff.
   * Defaults: `LEGAL_WEBHOOK_URLS` (comma-separated) and `LEGAL_WEBHOOK_SECRET` from the env.
   */
  webhooks?: { urls?: string[]; secret?: string; attempts?: number; retryDelayMs?: number }
  /**
   * Where the admin's import map finds the plugin's components: `<path>/client` and
   * `<path>/rsc`. The package name works in any app that installed the plugin.
   * @default 'payload-plugin-legal-documents'
   */
  componentsPath?: string
}

export type ResolvedLegalDocumentsPluginOptions = Required<Omit<LegalDocumentsPluginOptions, 'webhooks'>> & {
  webhooks: { urls: string[]; secret: string; attempts: number; retryDelayMs: number }
}

export function resolveOptions(options: LegalDocumentsPluginOptions = {}): ResolvedLegalDocumentsPluginOptions {
  return {
    disabled: options.disabled ?? false,
    usersCollection: options.usersCollection ?? ('users' as CollectionSlug),
    fourEyes: options.fourEyes ?? true,
    componentsPath: options.componentsPath ?? 'payload-plugin-legal-documents',
    webhooks: {
      urls:
        options.webhooks?.urls ??
        (process.env.LEGAL_WEBHOOK_URLS ?? '')
          .split(',')
          .map((u) => u.trim())
          .filter(Boolean),
      secret: options.webhooks?.secret ?? process.env.LEGAL_WEBHOOK_SECRET ?? '',
      attempts: options.webhooks?.attempts ?? 5,
      retryDelayMs: options.webhooks?.retryDelayMs ?? 2000,
    },
  }
}
