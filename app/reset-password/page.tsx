import type { Metadata } from "next";
import { AuthShell, link } from "@/components/account/auth-shell";
import { ResetPasswordForm } from "@/components/account/account-forms";
import { FormAlert } from "@/components/field-error";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const token = (await searchParams).token;
  return (
    <AuthShell title="Choose a new password" subtitle="You will be signed out everywhere else."
      footer={<p><a href="/signin/" className={link}>Back to sign in</a></p>}>
      {typeof token === "string" && token ? <ResetPasswordForm token={token} /> : <FormAlert message="This link is incomplete. Open the link from the email again." />}
    </AuthShell>
  );
}
