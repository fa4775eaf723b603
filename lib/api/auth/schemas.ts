import { z } from "zod";

/** Wire schemas of the self-service account endpoints (/api/v1/auth/...). */
const blank = { error: "This field may not be blank." };
const email = z.string().trim().min(1, blank).max(254, { error: "Ensure this field has no more than 254 characters." }).pipe(z.email({ error: "Enter a valid email address." }));
const token = z.string().trim().min(1, blank).max(200, { error: "This link is invalid or has expired. Ask for a new one." });
const password = z.string().min(1, blank).max(1024, { error: "Ensure this field has no more than 1024 characters." });

export const signupSchema = z.object({
  name: z.string().trim().min(1, blank).max(200, { error: "Ensure this field has no more than 200 characters." }),
  email,
  password,
}).meta({ id: "SignupRequest" });

export const verifyEmailSchema = z.object({ token }).meta({ id: "VerifyEmailRequest" });
export const passwordResetSchema = z.object({ email }).meta({ id: "PasswordResetRequest" });
export const passwordResetConfirmSchema = z.object({ token, password }).meta({ id: "PasswordResetConfirmRequest" });
export const magicLinkSchema = z.object({ email }).meta({ id: "MagicLinkRequest" });

export const detailOut = z.object({ detail: z.string() }).meta({ id: "Detail" });

/** The fixed answers: the same bytes whether or not the address has an account. */
export const ACCOUNT_ANSWERS = {
  signup: "Check your email: we sent a link to finish signing up.",
  verified: "Your email address is confirmed. You can sign in now.",
  reset: "If an account uses this address, we have emailed it a link to reset the password.",
  resetDone: "Your password has been changed. Sign in with the new one.",
  magicLink: "If an account uses this address, we have emailed it a sign-in link.",
} as const;
