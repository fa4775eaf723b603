"use client";

import { useState } from "react";
import { api } from "@/lib/api-client/client";
import { ApiError, asApiError } from "@/lib/api-client/errors";
import { FieldError, FormAlert } from "@/components/field-error";
import { button, card, input, label, link, Notice } from "@/components/account/auth-shell";

const FIELDS = ["name", "email", "subject", "description"] as const;

/**
 * The anonymous ticket form (POST /api/v1/public/tickets/). The `website` field is a honeypot:
 * hidden from people (and from assistive technology), filled by form-filling bots.
 */
export function PublicTicketForm() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const v = (k: string) => String(f.get(k) ?? "");
    setPending(true);
    setError(null);
    try {
      await api.POST("/api/v1/public/tickets/", { body: { name: v("name"), email: v("email"), subject: v("subject"), description: v("description"), website: v("website") } });
      setDone("Thank you: your request has been received. We will reply by email.");
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setPending(false);
    }
  }
  if (done) {
    return (
      <div className={card}>
        <Notice>{done}</Notice>
        <p className="text-sm text-slate-600">
          Want to see it online? <a href="/signup/" className={link}>Sign up</a> with the same email address: your request is waiting there.
        </p>
      </div>
    );
  }
  const field = (k: (typeof FIELDS)[number]) => error?.field(k);
  return (
    <form onSubmit={onSubmit} className={card} noValidate>
      <div>
        <label htmlFor="name" className={label}>Your name</label>
        <input id="name" name="name" className={input} autoComplete="name" required aria-describedby={field("name") ? "name-error" : undefined} />
        <FieldError id="name-error" message={field("name")} />
      </div>
      <div>
        <label htmlFor="email" className={label}>Email</label>
        <input id="email" name="email" type="email" className={input} autoComplete="email" required aria-describedby={field("email") ? "email-error" : undefined} />
        <FieldError id="email-error" message={field("email")} />
      </div>
      <div>
        <label htmlFor="subject" className={label}>Subject</label>
        <input id="subject" name="subject" className={input} required aria-describedby={field("subject") ? "subject-error" : undefined} />
        <FieldError id="subject-error" message={field("subject")} />
      </div>
      <div>
        <label htmlFor="description" className={label}>How can we help?</label>
        <textarea id="description" name="description" rows={6} className={input} required aria-describedby={field("description") ? "description-error" : undefined} />
        <FieldError id="description-error" message={field("description")} />
      </div>
      <div aria-hidden="true" className="absolute left-[-10000px] h-px w-px overflow-hidden">
        <label htmlFor="website">Leave this field empty</label>
        <input id="website" name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <FormAlert message={error && !FIELDS.some((k) => error.field(k)) ? error.message : null} />
      <button type="submit" disabled={pending} className={button}>{pending ? "Sending…" : "Send"}</button>
    </form>
  );
}
