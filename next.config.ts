import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/actions/limits";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Headers for responses the proxy does not see (static assets). Pages and API routes get these
// plus a per-request nonce-based Content-Security-Policy from proxy.ts.
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Content-Security-Policy",
    value: "default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
  },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets a second build or dev server (benchmarks, a helper session) use its own output folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  reactStrictMode: true,
  serverExternalPackages: ["@node-rs/bcrypt", "pg", "@electric-sql/pglite"],
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  async headers() {
    return [
      { source: "/_next/static/:path*", headers: STATIC_SECURITY_HEADERS },
      {
        source: "/:file((?:favicon|icon|icon-\\d+|apple-touch-icon)\\.(?:ico|png|svg))",
        headers: STATIC_SECURITY_HEADERS,
      },
      { source: "/manifest.webmanifest", headers: STATIC_SECURITY_HEADERS },
      { source: "/icons/:file*", headers: STATIC_SECURITY_HEADERS },
      {
        // Checked for updates on every visit: a stale worker would keep serving an old shell.
        source: "/sw.js",
        headers: [
          ...STATIC_SECURITY_HEADERS,
          { key: "Cache-Control", value: "no-cache" },
          { key: "Service-Worker-Allowed", value: "/" },
        ],
      },
      {
        // The offline page has its styles inline and no script.
        source: "/offline.html",
        headers: [
          ...STATIC_SECURITY_HEADERS.filter((h) => h.key !== "Content-Security-Policy"),
          {
            key: "Content-Security-Policy",
            value:
              "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'none'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
          },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
