"use client";

import { useState } from "react";
import { api } from "@/lib/api-client/client";
import { asApiError } from "@/lib/api-client/errors";
import { FormAlert } from "@/components/field-error";
import { button, card, link, Notice } from "@/components/account/auth-shell";

/**
 * One click moves the account to the new address. Not automatic on load, so that a mail
 * scanner fetching the link cannot spend it before its owner does.
 */
export function ConfirmEmailChange({ token }: { token: string }) {
  const [state, setState] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, setPending] = useState(false);
  async function go() {
    setPending(true);
    try {
      const r = await api.POST("/api/v1/auth/me/email/confirm/", { body: { token } });
      setState({ ok: true, message: r.data.detail });
    } catch (e) {
      setState({ ok: false, message: asApiError(e).message });
    } finally {
      setPending(false);
    }
  }
  if (state?.ok) {
    return (
      <div className={card}>
        <Notice>{state.message}</Notice>
        <a href="/profile/" className={`${button} block text-center`}>Back to your profile</a>
      </div>
    );
  }
  return (
    <div className={card}>
      <p className="text-sm text-slate-600">Use this address for your account from now on?</p>
      {state ? <FormAlert message={state.message} /> : null}
      <button type="button" onClick={go} disabled={pending} className={button}>{pending ? "Confirming…" : "Use this address"}</button>
      {state ? <a href="/profile/" className={link}>Ask for a new link on your profile</a> : null}
    </div>
  );
}
