import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/domain/auth/authenticate";
import { signInWithMagicLink } from "@/lib/domain/auth/sign-in-with-magic-link";
import { EmailNotVerifiedError, ThrottledError } from "@/lib/domain/errors";
import { requestOrigin } from "@/lib/api/request-origin";
import { authSecret } from "./secret";

export function sessionMaxAge(): number {
  const n = Number(process.env.SESSION_MAX_AGE_SECONDS);
  return Number.isFinite(n) && n > 0 ? n : 8 * 3600;
}

/** Browser sign-in: next-auth with a JWT session and email/password credentials. */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: sessionMaxAge() },
    jwt: { maxAge: sessionMaxAge() },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const email = String(credentials?.email ?? "").slice(0, 254);
          const password = String(credentials?.password ?? "").slice(0, 1024);
          if (!email || !password) return null;
          try {
            const actor = await authenticate(email, password, requestOrigin(req));
            return { id: actor.id, email: actor.email, name: actor.name };
          } catch (e) {
            // next-auth hands the message to the sign-in page as `error`: it says how long to wait.
            if (e instanceof ThrottledError) throw new Error(`throttled:${e.retryAfterSeconds}`);
            if (e instanceof EmailNotVerifiedError) throw new Error("unverified");
            return null;
          }
        },
      }),
      /*
       * Magic links. next-auth's own email provider needs a database adapter for its
       * verification tokens and would send mail itself; we have neither an adapter nor a wish to
       * bypass the outbox, so a second credentials provider takes the one-time token from the
       * emailed link (lib/domain/auth/one-time-tokens.ts) and spends it.
       */
      CredentialsProvider({
        id: "magic-link",
        name: "Email sign-in link",
        credentials: { token: { label: "Token", type: "text" } },
        async authorize(credentials, req) {
          const token = String(credentials?.token ?? "").slice(0, 200);
          if (!token) return null;
          const actor = await signInWithMagicLink(token, requestOrigin(req)).catch(() => null);
          return actor ? { id: actor.id, email: actor.email, name: actor.name } : null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.authAt = Date.now(); // see lib/auth/session-time.ts
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
