import type { Metadata } from "next";
import { AuthShell, link } from "@/components/account/auth-shell";
import { ForgotPasswordForm } from "@/components/account/account-forms";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthShell title="Forgot your password?" subtitle="We will email you a link to choose a new one."
      footer={<p><a href="/signin/" className={link}>Back to sign in</a></p>}>
      <ForgotPasswordForm />
    </AuthShell>
  );
}
