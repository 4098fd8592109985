import { refuseAllButTrustedInserts } from '../hooks/refuseUntrustedWrites.js'

/**
 * The consent log is append-only on every route, the Local API with `overrideAccess: true`
 * included: the one write is the insert made by `POST /api/legal/consents` (trusted, see
 * src/workflow/trust.ts). Updates and deletes are refused even then.
 */
export const refuseConsentWrites = refuseAllButTrustedInserts(
  'Consent records are append-only: only POST /api/legal/consents writes them, and nothing changes or deletes them.',
)
