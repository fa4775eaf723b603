"use client";

import { signIn } from "next-auth/react";
import { api } from "@/lib/api-client/client";
import { ApiError } from "@/lib/api-client/errors";
import { FormAlert } from "@/components/field-error";
import { Field, PASSWORD_HINT, str, useSubmit } from "./account-forms";
import { button, card, link, Notice } from "./auth-shell";

/**
 * The invitation link's page: the invitee chooses a name and password, the API creates the
 * account, and the browser signs straight in with them (agents land in their queue).
 */
export function AcceptInvitationForm({ token }: { token: string }) {
  const s = useSubmit(async (f) => {
    const password = str(f, "password");
    if (password !== str(f, "confirm")) throw ApiError.fromFields({ confirm: ["The two passwords differ."] });
    const user = (await api.POST("/api/v1/auth/invitations/accept/", { body: { token, name: str(f, "name"), password } })).data;
    const res = await signIn("credentials", { email: user.email, password, redirect: false });
    if (res && !res.error) window.location.assign("/");
    return user;
  });
  if (s.done) {
    return (
      <Notice>
        Your account is ready. <a className={link} href="/signin/">Sign in</a> as {s.done.email}.
      </Notice>
    );
  }
  const tokenError = s.error?.field("token");
  return (
    <form onSubmit={s.onSubmit} className={card} noValidate>
      <FormAlert message={tokenError ?? s.error?.field("non_field_errors")} />
      <Field name="name" label="Your name" autoComplete="name" error={s.error} />
      <Field name="password" label="Password" type="password" autoComplete="new-password" error={s.error} hint={PASSWORD_HINT} />
      <Field name="confirm" label="Repeat the password" type="password" autoComplete="new-password" error={s.error} />
      <button type="submit" disabled={s.pending} className={button}>{s.pending ? "Creating your account…" : "Join and sign in"}</button>
    </form>
  );
}
