"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/lib/api-client/client";
import { ApiError, asApiError } from "@/lib/api-client/errors";
import { FieldError, FormAlert } from "@/components/field-error";
import { input, label, Notice } from "@/components/account/auth-shell";
import { Section, smallButton } from "./section";

/*
 * The profile page's forms. Each posts to its /api/v1/auth/me/ endpoint through the typed
 * client with the session cookie; the server checks passwords, strength and everything else.
 */

function useForm<T>(send: (form: FormData) => Promise<T>, after?: (result: T, form: HTMLFormElement) => void) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    setPending(true);
    setError(null);
    setDone(null);
    try {
      const result = await send(new FormData(form));
      after?.(result, form);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setPending(false);
    }
  }
  return { pending, error, done, setDone, onSubmit };
}

const text = (f: FormData, k: string) => String(f.get(k) ?? "");

function Field({ id, name, labelText, error, ...rest }: { id: string; name: string; labelText: string; error?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div>
      <label htmlFor={id} className={label}>{labelText}</label>
      <input id={id} name={name} className={input} aria-invalid={!!error} aria-describedby={error ? `${id}-error` : undefined} {...rest} />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function NameForm({ name }: { name: string }) {
  const router = useRouter();
  const f = useForm(
    (form) => api.PATCH("/api/v1/auth/me/", { body: { name: text(form, "name") } }),
    () => {
      f.setDone("Your name has been saved.");
      router.refresh();
    },
  );
  return (
    <Section id="profile-name" title="Name">
      <form onSubmit={f.onSubmit} className="space-y-3" noValidate>
        <Field id="name" name="name" labelText="Name" defaultValue={name} autoComplete="name" required error={f.error?.field("name")} />
        <FormAlert message={f.error && !f.error.field("name") ? f.error.message : null} />
        {f.done ? <Notice>{f.done}</Notice> : null}
        <button type="submit" disabled={f.pending} className={smallButton}>{f.pending ? "Saving…" : "Save name"}</button>
      </form>
    </Section>
  );
}

const NO_PASSWORD = "Your account has no password yet. Use \"Forgot password\" on the sign-in page to set one first.";

export function EmailForm({ email, hasPassword }: { email: string; hasPassword: boolean }) {
  const f = useForm(
    (form) => api.POST("/api/v1/auth/me/email/", { body: { email: text(form, "email"), password: text(form, "password") } }),
    (r, form) => {
      f.setDone((r.data as unknown as { detail?: string } | null)?.detail ?? "Check your new address for a confirmation link.");
      form.reset();
    },
  );
  return (
    <Section id="profile-email" title="Email address" intro={<>You sign in and get our emails at <strong>{email}</strong>. A new address must be confirmed through a link we send to it.</>}>
      {hasPassword ? (
        <form onSubmit={f.onSubmit} className="space-y-3" noValidate>
          <Field id="new-email" name="email" type="email" labelText="New email address" autoComplete="email" required error={f.error?.field("email")} />
          <Field id="email-password" name="password" type="password" labelText="Your password" autoComplete="current-password" required error={f.error?.field("password")} />
          <FormAlert message={f.error && !f.error.field("email") && !f.error.field("password") ? f.error.message : null} />
          {f.done ? <Notice>{f.done}</Notice> : null}
          <button type="submit" disabled={f.pending} className={smallButton}>{f.pending ? "Sending…" : "Send confirmation link"}</button>
        </form>
      ) : (
        <p className="text-sm text-slate-600">{NO_PASSWORD}</p>
      )}
    </Section>
  );
}

export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const f = useForm(
    (form) => {
      if (text(form, "password") !== text(form, "confirm")) throw ApiError.fromFields({ confirm: ["The two passwords differ."] });
      return api.POST("/api/v1/auth/me/password/", { body: { current_password: text(form, "current_password"), password: text(form, "password") } });
    },
    (r, form) => {
      f.setDone(r.data?.detail ?? "Your password has been changed.");
      form.reset();
    },
  );
  return (
    <Section id="profile-password" title="Password" intro="Changing it signs you out on every other device and stops your API tokens; you stay signed in here.">
      {hasPassword ? (
        <form onSubmit={f.onSubmit} className="space-y-3" noValidate>
          <Field id="current-password" name="current_password" type="password" labelText="Current password" autoComplete="current-password" required error={f.error?.field("current_password")} />
          <Field id="new-password" name="password" type="password" labelText="New password" autoComplete="new-password" required error={f.error?.field("password")} />
          <Field id="confirm-password" name="confirm" type="password" labelText="New password again" autoComplete="new-password" required error={f.error?.field("confirm")} />
          <FormAlert message={f.error && !["current_password", "password", "confirm"].some((k) => f.error?.field(k)) ? f.error.message : null} />
          {f.done ? <Notice>{f.done}</Notice> : null}
          <button type="submit" disabled={f.pending} className={smallButton}>{f.pending ? "Changing…" : "Change password"}</button>
        </form>
      ) : (
        <p className="text-sm text-slate-600">{NO_PASSWORD}</p>
      )}
    </Section>
  );
}

export function SignOutEverywhere() {
  const f = useForm(
    () => api.POST("/api/v1/auth/me/sign-out-everywhere/"),
    (r) => f.setDone(r.data?.detail ?? "Signed out everywhere else."),
  );
  return (
    <Section id="profile-sessions" title="Sessions" intro="Lost a device, or signed in on a shared computer? This ends every other session and stops your API tokens. You stay signed in here.">
      <form onSubmit={f.onSubmit} className="space-y-3">
        <FormAlert message={f.error?.message} />
        {f.done ? <Notice>{f.done}</Notice> : null}
        <button type="submit" disabled={f.pending} className={smallButton}>{f.pending ? "Signing out…" : "Sign out everywhere else"}</button>
      </form>
    </Section>
  );
}
