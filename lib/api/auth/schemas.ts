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

/** The signed-in user's own account (/api/v1/auth/me/...). */
const name = z.string().trim().min(1, blank).max(200, { error: "Ensure this field has no more than 200 characters." });
export const ME_FIELD_NAMES = { currentPassword: "current_password" } as const;
export const meUpdateSchema = z.object({ name: name.optional() }).strict().meta({ id: "MeUpdate" });
export const emailChangeSchema = z.object({ email, password }).meta({ id: "EmailChangeRequest" });
export const passwordChangeSchema = z.object({ current_password: password, password }).meta({ id: "PasswordChangeRequest" });
export const emailChangeConfirmSchema = z.object({ token }).meta({ id: "EmailChangeConfirmRequest" });

export const meOut = z
  .object({
    id: z.string().meta({ format: "uuid" }),
    email: z.string(),
    name: z.string(),
    role: z.string(),
    has_password: z.boolean().meta({ description: "False for accounts that sign in by emailed links only (set one through the password reset)." }),
  })
  .meta({ id: "Me" });

export const sessionsEndedOut = z
  .object({
    detail: z.string(),
    access: z.string().optional().meta({ description: "JWT callers: a new access token (the old one stopped working)." }),
    refresh: z.string().optional().meta({ description: "JWT callers: a new refresh token." }),
  })
  .meta({ id: "SessionsEnded" });

export const ME_ANSWERS = {
  emailChange: "Check your new address: we sent it a link to confirm the change. Your email stays the same until you open it.",
  emailChanged: "Your email address has been changed. Sign in with the new one.",
  passwordChanged: "Your password has been changed. Every other session and token has been signed out.",
  signedOut: "Every other session and token has been signed out.",
} as const;
