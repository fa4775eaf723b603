import type { Metadata } from "next";
import { AuthShell, link } from "@/components/account/auth-shell";
import { AcceptInvitationForm } from "@/components/account/accept-invitation-form";
import { FormAlert } from "@/components/field-error";

export const metadata: Metadata = { title: "Accept your invitation" };

export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const token = (await searchParams).token;
  return (
    <AuthShell title="Accept your invitation" subtitle="Choose your name and a password to join the team."
      footer={<p>Already have an account? <a href="/signin/" className={link}>Sign in</a></p>}>
      {typeof token === "string" && token ? <AcceptInvitationForm token={token} /> : <FormAlert message="This link is incomplete. Open the link from the invitation email again." />}
    </AuthShell>
  );
}
