import { describe, expect, it } from "vitest";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import { signInErrorMessage } from "@/app/signin/messages";
import { authOptions } from "@/lib/auth/next-auth-options";
import { makeUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { withEnv } from "./support/env-override";

useTestDb();

const PROXY = { TRUST_PROXY_HOPS: "1" };
let n = 0;
/** A fresh address per use (as our proxy would report it), so tests never share a counter. */
const address = () => `192.0.2.${++n}`;
const signIn = (email: string, password: string, from: string) =>
  call(tokenRoute.POST as Parameters<typeof call>[0], "POST", "/api/v1/auth/token/", {
    body: { email, password },
    // The left entry is what the client claims; the right one is what our proxy saw.
    headers: { "x-forwarded-for": `10.1.2.3, ${from}` },
  });

describe("sign-in throttling behind a shared office address", () => {
  it("locks one email at one address without locking colleagues at that address", async () => {
    const office = address();
    const [mia, ben] = await Promise.all([makeUser({ password: "mia-password" }), makeUser({ password: "ben-password" })]);
    await withEnv(PROXY, async () => {
      for (let i = 0; i < 5; i++) expect((await signIn(mia.email, `guess${i}`, office)).status).toBe(401);
      const locked = await signIn(mia.email, "mia-password", office);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(200);
      // Ben, at the same address, is not affected; nor is Mia from home.
      expect((await signIn(ben.email, "ben-password", office)).status).toBe(200);
      expect((await signIn(mia.email, "mia-password", address())).status).toBe(200);
    });
  });

  it("does not let many addresses brute-force one email", async () => {
    const victim = await makeUser({ password: "the-real-one" });
    await withEnv(PROXY, async () => {
      // Four guesses from each of five addresses: under the per-address-and-email limit
      // every time, but twenty on the one email.
      for (let a = 0; a < 5; a++) {
        const from = address();
        for (let i = 0; i < 4; i++) expect((await signIn(victim.email, `guess-${a}-${i}`, from)).status).toBe(401);
      }
      const next = await signIn(victim.email, "the-real-one", address());
      expect(next.status).toBe(429);
      expect(next.json.detail).toMatch(/^Request was throttled\. Expected available in \d+ seconds\.$/);
    });
  });

  it("stops one address trying many emails at the much higher per-address limit", async () => {
    const from = address();
    const user = await makeUser({ password: "pw-of-a-user" });
    await withEnv({ ...PROXY, LOGIN_MAX_FAILURES_ADDRESS: "6" }, async () => {
      for (let i = 0; i < 6; i++) expect((await signIn(`nobody${i}-${from}@example.test`, "x", from)).status).toBe(401);
      expect((await signIn(user.email, "pw-of-a-user", from)).status).toBe(429);
      expect((await signIn(user.email, "pw-of-a-user", address())).status).toBe(200);
    });
  });

  it("limits sign-in attempts per address whether they fail or not", async () => {
    const from = address();
    const user = await makeUser({ password: "right-password" });
    await withEnv({ ...PROXY, RATE_LIMIT_SIGNIN_ADDRESS: "2" }, async () => {
      expect((await signIn(user.email, "right-password", from)).status).toBe(200);
      expect((await signIn(user.email, "right-password", from)).status).toBe(200);
      const third = await signIn(user.email, "right-password", from);
      expect(third.status).toBe(429);
      expect(third.headers.get("ratelimit-limit")).toBe("2");
      expect((await signIn(user.email, "right-password", address())).status).toBe(200);
    });
  });
});

describe("browser sign-in", () => {
  const authorize = (email: string, password: string, from: string) => {
    const provider = authOptions().providers[0] as unknown as {
      options: { authorize(c: Record<string, string>, req: { headers: Record<string, string> }): Promise<unknown> };
    };
    return provider.options.authorize({ email, password }, { headers: { "x-forwarded-for": `10.9.9.9, ${from}` } });
  };

  it("tells the sign-in page how long to wait", async () => {
    const from = address();
    const u = await makeUser({ password: "browser-password" });
    await withEnv({ ...PROXY, LOGIN_LOCK_SECONDS: "300" }, async () => {
      for (let i = 0; i < 5; i++) expect(await authorize(u.email, `nope${i}`, from)).toBeNull();
      const err = await authorize(u.email, "browser-password", from).then(() => null, (e: Error) => e);
      expect(err?.message).toMatch(/^throttled:(29\d|300)$/);
      expect(signInErrorMessage(err!.message)).toBe("Too many failed attempts. Try again in 5 minutes.");
      // The same person elsewhere, and a colleague here, can still sign in.
      expect(await authorize(u.email, "browser-password", address())).toMatchObject({ id: u.id });
    });
  });

  it("words the wait in seconds or minutes", () => {
    expect(signInErrorMessage("throttled:1")).toBe("Too many failed attempts. Try again in 1 second.");
    expect(signInErrorMessage("throttled:45")).toBe("Too many failed attempts. Try again in 45 seconds.");
    expect(signInErrorMessage("throttled:61")).toBe("Too many failed attempts. Try again in 2 minutes.");
    expect(signInErrorMessage("throttled")).toBe("Too many failed attempts. Wait a few minutes and try again.");
    expect(signInErrorMessage("CredentialsSignin")).toBe("That email and password do not match an active account.");
    expect(signInErrorMessage(null)).toBeNull();
  });
});
