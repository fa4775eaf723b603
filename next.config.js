/** @type {import('next').NextConfig} */
const nextConfig = {
  // DRF convention: every path ends in a slash (requests without one get a 308 redirect).
  trailingSlash: true,
  poweredByHeader: false,
  // The dev-mode badge sits on top of the sidebar's account menu.
  devIndicators: false,
  experimental: {
    // The portal's new-ticket form is a server action carrying its attachments, so it must
    // accept what the upload limits allow (UPLOAD_MAX_FILES x UPLOAD_MAX_FILE_MB, default 5 x 10 MB).
    serverActions: { bodySizeLimit: "52mb" },
  },
  // Database drivers and WASM engines stay plain Node modules instead of being bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@prisma/adapter-pg",
    "pg",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
