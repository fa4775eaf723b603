import type { Metadata } from "next";
import { AuthShell } from "@/components/account/auth-shell";
import { ConfirmEmailChange } from "@/components/profile/confirm-email-change";
import { FormAlert } from "@/components/field-error";

export const metadata: Metadata = { title: "Confirm your new email" };

/** The link of an email change (sent to the new address from the profile page). */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const token = (await searchParams).token;
  return (
    <AuthShell title="Confirm your new email">
      {typeof token === "string" && token ? <ConfirmEmailChange token={token} /> : <FormAlert message="This link is incomplete. Open the link from the email again." />}
    </AuthShell>
  );
}
