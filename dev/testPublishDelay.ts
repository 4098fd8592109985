import type { CollectionAfterChangeHook } from 'payload'
import type { LegalDocumentsPluginOptions } from 'payload-plugin-legal-documents'

/**
 * Test-only, and only in the reference app: with `LEGAL_TEST_PUBLISH_DELAY_MS` set (never in
 * production), every publish of a legal document waits that long inside its transaction, after
 * all of the plugin's writes, so test/integration/crashSafety.test.ts can kill the server
 * mid-publish. It is a host hook appended through the plugin's `overrides`, so nothing of it
 * ships in the package.
 */
export function publishDelayForTests(
  env: Record<string, string | undefined>,
): LegalDocumentsPluginOptions {
  const ms = Number(env.LEGAL_TEST_PUBLISH_DELAY_MS)
  if (env.NODE_ENV === 'production' || !Number.isFinite(ms) || ms <= 0) {
    return {}
  }
  const pause: CollectionAfterChangeHook = async ({ doc, operation }) => {
    if (operation !== 'update' || doc._status !== 'published') {
      return doc
    }
    console.log(`[legal-test] publish paused inside its transaction for ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, ms))
    return doc
  }
  return { overrides: { documents: { hooks: { afterChange: [pause] } } } }
}
