import type { Metadata } from "next";
import { AuthShell } from "@/components/account/auth-shell";
import { MagicLinkSignIn } from "@/components/account/account-forms";
import { FormAlert } from "@/components/field-error";

export const metadata: Metadata = { title: "Sign in" };

export default async function MagicLinkPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const token = (await searchParams).token;
  return (
    <AuthShell title="Sign in to Caseflow" subtitle="Continue with the link we emailed you.">
      {typeof token === "string" && token ? <MagicLinkSignIn token={token} /> : <FormAlert message="This link is incomplete. Open the link from the email again." />}
    </AuthShell>
  );
}
