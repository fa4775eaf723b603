import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInForm } from "./sign-in-form";
import { link } from "@/components/account/auth-shell";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-3 flex h-11 w-11 items-center justify-center rounded-xl bg-brand-600 text-lg font-bold text-white">C</div>
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Caseflow</h1>
          <p className="mt-1 text-sm text-slate-600">Customers and support agents use the same sign-in.</p>
        </div>
        <Suspense>
          <SignInForm />
        </Suspense>
        <div className="mt-6 space-y-1 text-center text-sm text-slate-600">
          <p><a href="/forgot-password/" className={link}>Forgot your password?</a></p>
          <p>New here? <a href="/signup/" className={link}>Create an account</a></p>
        </div>
      </div>
    </main>
  );
}
