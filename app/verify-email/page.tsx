import type { Metadata } from "next";
import { AuthShell } from "@/components/account/auth-shell";
import { VerifyEmail } from "@/components/account/account-forms";
import { FormAlert } from "@/components/field-error";

export const metadata: Metadata = { title: "Confirm your email" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const token = (await searchParams).token;
  return (
    <AuthShell title="Confirm your email">
      {typeof token === "string" && token ? <VerifyEmail token={token} /> : <FormAlert message="This link is incomplete. Open the link from the email again." />}
    </AuthShell>
  );
}
