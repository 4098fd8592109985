import type { CollectionSlug } from 'payload'

/** Options of `legalDocumentsPlugin`. Every option has a default; `legalDocumentsPlugin()` works as is. */
export type LegalDocumentsPluginOptions = {
  /**
   * Keep the collections (and so the database schema) but add no hooks, endpoints or admin
   * components. Lets a host turn the plugin off without a destructive migration.
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
}

export type ResolvedLegalDocumentsPluginOptions = Required<LegalDocumentsPluginOptions>

export function resolveOptions(options: LegalDocumentsPluginOptions = {}): ResolvedLegalDocumentsPluginOptions {
  return {
    disabled: options.disabled ?? false,
    usersCollection: options.usersCollection ?? ('users' as CollectionSlug),
    fourEyes: options.fourEyes ?? true,
  }
}
