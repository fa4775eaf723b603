import "@/lib/boot";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/domain/actor";
import { loadActor } from "@/lib/domain/auth/authenticate";
import { sessionIssuedAt } from "./session-time";
import { authSecret } from "./secret";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** The signed-in user of a server component / server action, from the next-auth cookie. */
export async function currentActor(): Promise<Actor | null> {
  const jar = await cookies();
  for (const name of COOKIE_NAMES) {
    const value = jar.get(name)?.value;
    if (!value) continue;
    const token = await decode({ token: value, secret: authSecret() }).catch(() => null);
    if (token?.sub) return loadActor(token.sub, sessionIssuedAt(token));
  }
  return null;
}

/** Like currentActor, but sends anonymous visitors to the sign-in page. */
export async function requirePageActor(callbackUrl: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/signin/?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return actor;
}
