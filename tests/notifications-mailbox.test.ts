import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { devMailboxAccess } from "@/lib/notifications/dev-mailbox";
import { localTransport } from "@/lib/notifications/transports/local";
import DevMailboxPage from "@/app/dev/mailbox/page";
import { useTestDb } from "./support/db";

useTestDb();

describe("dev mailbox", () => {
  it("is closed in production unless explicitly enabled for the local transport", () => {
    expect(devMailboxAccess({ NODE_ENV: "development" } as NodeJS.ProcessEnv)).toBe("open");
    expect(devMailboxAccess({ NODE_ENV: "test" } as NodeJS.ProcessEnv)).toBe("open");
    expect(devMailboxAccess({ NODE_ENV: "production" } as NodeJS.ProcessEnv)).toBe("off");
    expect(devMailboxAccess({ NODE_ENV: "production", DEV_MAILBOX: "on" } as NodeJS.ProcessEnv)).toBe("off");
    expect(devMailboxAccess({ NODE_ENV: "production", MAIL_TRANSPORT: "resend", DEV_MAILBOX: "on" } as NodeJS.ProcessEnv)).toBe("off");
    expect(devMailboxAccess({ NODE_ENV: "production", MAIL_TRANSPORT: "local", DEV_MAILBOX: "on" } as NodeJS.ProcessEnv)).toBe("agents");
  });

  it("lists delivered mail newest first and shows one in a sandboxed frame", async () => {
    const t = localTransport();
    const a = await t.send({ from: "f@x.test", to: "a@x.test", subject: "First <subject>", html: "<p>one</p>", text: "one" }, { idempotencyKey: "k1" });
    await new Promise((r) => setTimeout(r, 5));
    await t.send({ from: "f@x.test", to: "b@x.test", subject: "Second", html: "<p>two</p>", text: "two" }, { idempotencyKey: "k2" });
    const html = renderToStaticMarkup(await DevMailboxPage({ searchParams: Promise.resolve({ id: a.providerId }) }));
    expect(html.indexOf("Second")).toBeLessThan(html.indexOf("First &lt;subject&gt;"));
    expect(html).toContain('sandbox=""');
    expect(html).toContain("a@x.test");
    const text = renderToStaticMarkup(await DevMailboxPage({ searchParams: Promise.resolve({ id: a.providerId, view: "text" }) }));
    expect(text).toContain("<pre");
  });

  it("is a 404 in production by default", async () => {
    const env = process.env as Record<string, string | undefined>;
    const old = env.NODE_ENV;
    env.NODE_ENV = "production";
    try {
      await expect(DevMailboxPage({ searchParams: Promise.resolve({}) })).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    } finally {
      env.NODE_ENV = old;
    }
  });
});
