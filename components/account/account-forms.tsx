"use client";

import { signIn } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { api } from "@/lib/api-client/client";
import { ApiError, asApiError } from "@/lib/api-client/errors";
import { FieldError, FormAlert } from "@/components/field-error";
import { button, card, input, label, link, Notice } from "./auth-shell";

/*
 * The self-service account forms. Each one posts to its /api/v1/auth/ endpoint through the
 * typed client and shows the API's answer; the server decides everything (strength, tokens).
 */

export function useSubmit<T>(send: (form: FormData) => Promise<T>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<T | null>(null);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      setDone(await send(new FormData(e.currentTarget)));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setPending(false);
    }
  }
  return { pending, error, done, onSubmit };
}

export const str = (f: FormData, k: string) => String(f.get(k) ?? "");

export function Field(props: { name: string; label: string; type?: string; autoComplete?: string; error?: ApiError | null; hint?: string }) {
  const msg = props.error?.field(props.name);
  return (
    <div>
      <label htmlFor={props.name} className={label}>{props.label}</label>
      <input id={props.name} name={props.name} type={props.type ?? "text"} autoComplete={props.autoComplete} required
        aria-invalid={msg ? true : undefined} aria-describedby={msg ? `${props.name}-error` : props.hint ? `${props.name}-hint` : undefined} className={input} />
      {props.hint && !msg ? <p id={`${props.name}-hint`} className="mt-1 text-xs text-slate-500">{props.hint}</p> : null}
      <FieldError id={`${props.name}-error`} message={msg} />
    </div>
  );
}

export const PASSWORD_HINT = "At least 10 characters. A few unrelated words make a strong, memorable password.";

export function SignUpForm() {
  const s = useSubmit(async (f) => (await api.POST("/api/v1/auth/signup/", { body: { name: str(f, "name"), email: str(f, "email"), password: str(f, "password") } })).data);
  if (s.done) return <Notice>{s.done.detail} The link works for 24 hours.</Notice>;
  return (
    <form onSubmit={s.onSubmit} className={card} noValidate>
      <FormAlert message={s.error?.field("non_field_errors")} />
      <Field name="name" label="Your name" autoComplete="name" error={s.error} />
      <Field name="email" label="Email" type="email" autoComplete="email" error={s.error} />
      <Field name="password" label="Password" type="password" autoComplete="new-password" error={s.error} hint={PASSWORD_HINT} />
      <button type="submit" disabled={s.pending} className={button}>{s.pending ? "Creating account…" : "Create account"}</button>
    </form>
  );
}

export function ForgotPasswordForm() {
  const s = useSubmit(async (f) => (await api.POST("/api/v1/auth/password-reset/", { body: { email: str(f, "email") } })).data);
  if (s.done) return <Notice>{s.done.detail} It works for 1 hour.</Notice>;
  return (
    <form onSubmit={s.onSubmit} className={card} noValidate>
      <FormAlert message={s.error?.field("non_field_errors")} />
      <Field name="email" label="Email" type="email" autoComplete="email" error={s.error} />
      <button type="submit" disabled={s.pending} className={button}>{s.pending ? "Sending…" : "Email me a reset link"}</button>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const s = useSubmit(async (f) => {
    if (str(f, "password") !== str(f, "confirm")) throw ApiError.fromFields({ confirm: ["The two passwords differ."] });
    return (await api.POST("/api/v1/auth/password-reset/confirm/", { body: { token, password: str(f, "password") } })).data;
  });
  if (s.done) {
    return (
      <Notice>
        {s.done.detail} <a className={link} href="/signin/">Sign in</a>
      </Notice>
    );
  }
  const tokenError = s.error?.field("token");
  return (
    <form onSubmit={s.onSubmit} className={card} noValidate>
      <FormAlert message={tokenError ?? s.error?.field("non_field_errors")} />
      {tokenError ? <p className="text-sm"><a className={link} href="/forgot-password/">Ask for a new link</a></p> : null}
      <Field name="password" label="New password" type="password" autoComplete="new-password" error={s.error} hint={PASSWORD_HINT} />
      <Field name="confirm" label="Repeat the new password" type="password" autoComplete="new-password" error={s.error} />
      <button type="submit" disabled={s.pending} className={button}>{s.pending ? "Saving…" : "Set new password"}</button>
    </form>
  );
}


/** Opens the verification link: confirms on load (a script, so a mail scanner's GET does not). */
export function VerifyEmail({ token }: { token: string }) {
  const [state, setState] = useState<{ ok: boolean; message: string } | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    api.POST("/api/v1/auth/verify-email/", { body: { token } }).then(
      (r) => setState({ ok: true, message: r.data.detail }),
      (e) => setState({ ok: false, message: asApiError(e).message }),
    );
  }, [token]);
  if (!state) return <p className="text-center text-sm text-slate-600" role="status">Confirming your email address…</p>;
  return state.ok ? (
    <div className={card}>
      <Notice>{state.message}</Notice>
      <a href="/signin/" className={`${button} block text-center`}>Sign in</a>
    </div>
  ) : (
    <div className={card}>
      <FormAlert message={state.message} />
      <p className="text-sm text-slate-600">Sign up again with the same address to get a new link.</p>
      <a href="/signup/" className={link}>Sign up</a>
    </div>
  );
}

/**
 * The magic link's landing page: one click signs in. Not automatic on load, so that a mail
 * scanner that fetches (or even renders) the link cannot spend it before its owner does.
 */
export function MagicLinkSignIn({ token }: { token: string }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  async function go() {
    setPending(true);
    const res = await signIn("magic-link", { token, redirect: false });
    if (!res || res.error) {
      setPending(false);
      setFailed(true);
      return;
    }
    window.location.assign("/");
  }
  return (
    <div className={card}>
      {failed ? (
        <>
          <FormAlert message="This sign-in link is invalid, expired or already used." />
          <a href="/signin/?magic=1" className={link}>Email me a new link</a>
        </>
      ) : (
        <button type="button" onClick={go} disabled={pending} className={button}>{pending ? "Signing in…" : "Sign in"}</button>
      )}
    </div>
  );
}

export function MagicLinkRequestForm() {
  const s = useSubmit(async (f) => (await api.POST("/api/v1/auth/magic-link/", { body: { email: str(f, "magic-email") } })).data);
  if (s.done) return <Notice>{s.done.detail} It works once, for 15 minutes.</Notice>;
  const msg = s.error?.field("email");
  return (
    <form onSubmit={s.onSubmit} className={card} noValidate>
      <FormAlert message={s.error?.field("non_field_errors")} />
      <div>
        <label htmlFor="magic-email" className={label}>Email</label>
        <input id="magic-email" name="magic-email" type="email" autoComplete="email" required className={input}
          aria-invalid={msg ? true : undefined} aria-describedby={msg ? "magic-email-error" : undefined} />
        <FieldError id="magic-email-error" message={msg} />
      </div>
      <button type="submit" disabled={s.pending} className={button}>{s.pending ? "Sending…" : "Email me a sign-in link"}</button>
    </form>
  );
}
