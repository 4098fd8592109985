import { refuseAllButTrustedInserts } from '../hooks/refuseUntrustedWrites.js'

/**
 * The acceptance ledger is append-only on every route, the Local API with `overrideAccess: true`
 * included: the one write through Payload is the insert made by the ledger itself
 * (src/acceptance/ledger.ts, trusted, see src/workflow/trust.ts). Updates and deletes are
 * refused even then; erasure's pseudonymisation is a SQL update inside the ledger's own
 * transaction, outside every Payload route.
 */
export const refuseAcceptanceWrites = refuseAllButTrustedInserts(
  'Acceptance records are append-only: only POST /api/legal/acceptances writes them, and nothing changes or deletes them.',
)
