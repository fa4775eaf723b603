// Runs before every test file: point the app at the test database and fix the secrets.
const pg = process.env.TEST_DATABASE_URL?.trim();
if (pg) {
  process.env.DATABASE_URL = pg;
} else {
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = "memory://";
}
process.env.AUTH_SECRET ??= "test-secret-0123456789-0123456789-0123456789";
process.env.MAIL_TRANSPORT ??= "local";
delete process.env.RESEND_API_KEY;
await import("@/lib/boot");
export {};
