import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { devMailboxAccess } from "@/lib/notifications/dev-mailbox";
import { localTransport } from "@/lib/notifications/transports/local";
import DevMailboxPage from "@/app/dev/mailbox/page";
import { DevMailbox } from "@/app/dev/mailbox/dev-mailbox";
import { makeUser } from "./support/cast";
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
    // The page shows the mailbox to the signed-in agent (see the access tests below).
    const agent = await makeUser({ role: "customer_service" });
    const html = renderToStaticMarkup(await DevMailbox({ actor: agent, query: { id: a.providerId } }));
    expect(html.indexOf("Second")).toBeLessThan(html.indexOf("First &lt;subject&gt;"));
    expect(html).toContain('sandbox=""');
    expect(html).toContain("a@x.test");
    const text = renderToStaticMarkup(await DevMailbox({ actor: agent, query: { id: a.providerId, view: "text" } }));
    expect(text).toContain("<pre");
  });

  it("shows nothing to customers or anonymous visitors in any mode; agents and admins see it", async () => {
    await localTransport().send({ from: "f@x.test", to: "secret@x.test", subject: "Private", html: "<p>p</p>", text: "p" }, { idempotencyKey: "k3" });
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const admin = await makeUser({ role: "admin" });
    const env = process.env as Record<string, string | undefined>;
    const saved = { NODE_ENV: env.NODE_ENV, DEV_MAILBOX: env.DEV_MAILBOX, MAIL_TRANSPORT: env.MAIL_TRANSPORT };
    const modes = [
      { NODE_ENV: "development", DEV_MAILBOX: undefined, MAIL_TRANSPORT: "local" },
      { NODE_ENV: "test", DEV_MAILBOX: undefined, MAIL_TRANSPORT: "local" },
      { NODE_ENV: "production", DEV_MAILBOX: "on", MAIL_TRANSPORT: "local" },
    ];
    try {
      for (const mode of modes) {
        Object.assign(env, mode);
        for (const actor of [null, customer]) {
          await expect(DevMailbox({ actor, query: {} }), `${mode.NODE_ENV}/${actor?.role ?? "anonymous"}`)
            .rejects.toMatchObject({ digest: expect.stringContaining("404") });
        }
        for (const actor of [agent, admin]) {
          expect(renderToStaticMarkup(await DevMailbox({ actor, query: {} }))).toContain("Private");
        }
      }
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete env[k]; else env[k] = v;
    }
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
