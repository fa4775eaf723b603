import type { ApiOperation } from "@/lib/schemas/operation";
import { detailOut, magicLinkSchema, passwordResetConfirmSchema, passwordResetSchema, signupSchema, verifyEmailSchema } from "./schemas";

/** The self-service account endpoints, for the OpenAPI document. */
export const accountOperations: ApiOperation[] = [
  { method: "post", path: "/api/v1/auth/signup/", tag: "auth", summary: "Sign up as a customer", body: signupSchema, response: detailOut, status: 201, public: true },
  { method: "post", path: "/api/v1/auth/verify-email/", tag: "auth", summary: "Confirm an email address with the emailed token", body: verifyEmailSchema, response: detailOut, public: true },
  { method: "post", path: "/api/v1/auth/password-reset/", tag: "auth", summary: "Email a password-reset link", body: passwordResetSchema, response: detailOut, public: true },
  { method: "post", path: "/api/v1/auth/password-reset/confirm/", tag: "auth", summary: "Set a new password with the emailed token", body: passwordResetConfirmSchema, response: detailOut, public: true },
  { method: "post", path: "/api/v1/auth/magic-link/", tag: "auth", summary: "Email a single-use sign-in link", body: magicLinkSchema, response: detailOut, public: true },
];
