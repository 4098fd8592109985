import type { Payload } from 'payload'

import type { ResolvedLegalDocumentsPluginOptions } from '../options.js'

/**
 * The resolved options travel on the config's server-only `custom`, so code that gets only
 * `payload` (delivery reads, GraphQL resolvers, jobs) reads the same clock and notice policy as
 * the hooks that were built with them.
 */
export const OPTIONS_KEY = 'legalDocuments'

export function pluginOptionsOf(payload: Payload): ResolvedLegalDocumentsPluginOptions | undefined {
  return (payload.config.custom as Record<string, unknown> | undefined)?.[OPTIONS_KEY] as
    ResolvedLegalDocumentsPluginOptions | undefined
}

/** Now, by the plugin's clock (a test's controllable clock, else the system's). */
export function nowOf(payload: Payload): number {
  const clock = pluginOptionsOf(payload)?.clock
  return clock ? clock().getTime() : Date.now()
}
