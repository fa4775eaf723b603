import type { Metadata } from "next";
import { AuthShell, link } from "@/components/account/auth-shell";
import { SignUpForm } from "@/components/account/account-forms";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <AuthShell title="Create your account" subtitle="Open support requests and follow their progress."
      footer={<p>Already have an account? <a href="/signin/" className={link}>Sign in</a></p>}>
      <SignUpForm />
    </AuthShell>
  );
}
