/**
 * What the sign-in form says for next-auth's `error` value. A throttled sign-in arrives as
 * "throttled:<seconds>" (see lib/auth/next-auth-options.ts), so the page can say how long to
 * wait instead of a vague "a few minutes".
 */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export function signInErrorMessage(error: string | null | undefined): string | null {
  if (!error) return null;
  const throttled = /^throttled(?::(\d+))?$/.exec(error);
  if (throttled) {
    const seconds = Number(throttled[1]);
    return seconds > 0
      ? `Too many failed attempts. Try again in ${waitText(seconds)}.`
      : "Too many failed attempts. Wait a few minutes and try again.";
  }
  if (error === "unverified") return "Confirm your email address first: open the link we emailed you. No email? Sign up again with the same address to get a new link.";
  return "That email and password do not match an active account.";
}
