/**
 * Route handlers for a host's Next app. Put them beside Payload's own API route:
 *
 * ```ts
 * // app/(payload)/api/legal/[...path]/route.ts
 * import config from '@payload-config'
 * import { legalDeliveryRoutes } from 'payload-plugin-legal-documents/next'
 *
 * export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = legalDeliveryRoutes(config)
 * ```
 */
export { legalDeliveryRoutes, type LegalDeliveryRoutes } from '../delivery/routeHandler.js'
