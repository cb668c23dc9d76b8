/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and must not be bundled, or every request fails after a green build.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg-boss', 'pg'],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 status.
    authInterrupts: true,
  },
  poweredByHeader: false,
};

export default nextConfig;
