import type { Metadata } from "next";
import { cookies } from "next/headers";
import { isValidTimeZone } from "@/components/time/format";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Caseflow", template: "%s · Caseflow" },
  description: "Customer support desk",
  icons: { icon: "/favicon.svg" },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The browser stores its time zone in a cookie, so server HTML already shows local times.
  let tz = "";
  try {
    tz = decodeURIComponent((await cookies()).get("tz")?.value ?? "");
  } catch {
    tz = ""; // a malformed cookie falls back to UTC
  }
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <Providers tz={isValidTimeZone(tz) ? tz : "UTC"} now={Date.now()}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
