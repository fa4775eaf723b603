import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthShell } from "@/components/account/auth-shell";
import { PublicTicketForm } from "@/components/public/ticket-form";
import { getSetting } from "@/lib/domain/settings/get-settings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Contact support" };

/**
 * The public ticket form: anyone may write to support without an account, while an admin has
 * the public_ticket_form setting on (/admin/settings/). Off, the page does not exist.
 */
export default async function ContactPage() {
  if (!(await getSetting("public_ticket_form"))) notFound();
  return (
    <AuthShell title="Contact support" subtitle="Tell us what you need; we reply by email." footer={<>Have an account? <a href="/signin/" className="font-medium text-brand-700 hover:underline">Sign in</a> to follow your requests.</>}>
      <PublicTicketForm />
    </AuthShell>
  );
}
