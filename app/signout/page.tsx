import type { Metadata } from "next";
import { SignOutButton } from "./sign-out-button";

export const metadata: Metadata = { title: "Sign out" };

export default function SignOutPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-2xl border border-slate-200 bg-white p-6 text-center shadow-sm">
        <h1 className="text-xl font-semibold">Sign out of Caseflow?</h1>
        <p className="mt-1 mb-5 text-sm text-slate-600">You can sign in again at any time.</p>
        <SignOutButton />
      </div>
    </main>
  );
}
