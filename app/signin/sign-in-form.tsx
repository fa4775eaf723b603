"use client";

import { signIn } from "next-auth/react";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { signInErrorMessage } from "./messages";
import { MagicLinkRequestForm } from "@/components/account/account-forms";

function safeCallback(raw: string | null): string {
  // Only same-site paths: never bounce a user to another origin after sign-in.
  return raw && raw.startsWith("/") && !raw.startsWith("//") ? raw : "/";
}

export function SignInForm() {
  const params = useSearchParams();
  const callbackUrl = safeCallback(params.get("callbackUrl"));
  const initial = params.get("error");
  const [error, setError] = useState<string | null>(initial?.startsWith("throttled") ? signInErrorMessage(initial) : null);
  const [pending, setPending] = useState(false);
  const [magic, setMagic] = useState(params.get("magic") === "1");

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!res || res.error) {
      setError(signInErrorMessage(res?.error ?? "CredentialsSignin"));
      return;
    }
    window.location.assign(callbackUrl);
  }

  if (magic) {
    return (
      <div className="space-y-3">
        <MagicLinkRequestForm />
        <button type="button" onClick={() => setMagic(false)} className="w-full text-center text-sm font-medium text-brand-700 hover:underline">
          Sign in with a password instead
        </button>
      </div>
    );
  }

  return (
    <div className="space-y-3">
    <form onSubmit={onSubmit} className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <div>
        <label htmlFor="email" className="mb-1 block text-sm font-medium text-slate-700">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="email" required
          className="w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none" />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium text-slate-700">
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none" />
      </div>
      <button type="submit" disabled={pending}
        className="w-full rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
    <button type="button" onClick={() => setMagic(true)}
      className="w-full rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-700 shadow-sm hover:bg-slate-50">
      Email me a sign-in link
    </button>
    </div>
  );
}
