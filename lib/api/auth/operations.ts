import type { ApiOperation } from "@/lib/schemas/operation";
import {
  detailOut,
  emailChangeConfirmSchema,
  emailChangeSchema,
  magicLinkSchema,
  meOut,
  meUpdateSchema,
  passwordChangeSchema,
  passwordResetConfirmSchema,
  passwordResetSchema,
  sessionsEndedOut,
  signupSchema,
  verifyEmailSchema,
} from "./schemas";
import { apiTokenCreatedOut, apiTokenCreateSchema, apiTokenListQuerySchema, apiTokenPageOut } from "./tokens";
import { settingsOut, settingsUpdateSchema } from "../admin/settings";
import { publicTicketOut, publicTicketSchema } from "../public/schemas";

/** The self-service account endpoints, the own-account and API-token ones, app settings and the public ticket form, for the OpenAPI document. */
export const accountOperations: ApiOperation[] = [
  { method: "post", path: "/api/v1/auth/signup/", tag: "auth", summary: "Sign up as a customer", body: signupSchema, response: detailOut, status: 201, public: true },
  { method: "post", path: "/api/v1/auth/verify-email/", tag: "auth", summary: "Confirm an email address with the emailed token", body: verifyEmailSchema, response: detailOut, public: true },
  { method: "post", path: "/api/v1/auth/password-reset/", tag: "auth", summary: "Email a password-reset link", body: passwordResetSchema, response: detailOut, public: true },
  { method: "post", path: "/api/v1/auth/password-reset/confirm/", tag: "auth", summary: "Set a new password with the emailed token", body: passwordResetConfirmSchema, response: detailOut, public: true },
  { method: "post", path: "/api/v1/auth/magic-link/", tag: "auth", summary: "Email a single-use sign-in link", body: magicLinkSchema, response: detailOut, public: true },
  { method: "get", path: "/api/v1/auth/me/", tag: "auth", summary: "Your own account", response: meOut },
  { method: "patch", path: "/api/v1/auth/me/", tag: "auth", summary: "Change your name", body: meUpdateSchema, response: meOut },
  { method: "post", path: "/api/v1/auth/me/email/", tag: "auth", summary: "Ask to change your email address (confirmed by a link to the new one)", body: emailChangeSchema, response: detailOut, status: 202, idempotencyKey: false },
  { method: "post", path: "/api/v1/auth/me/email/confirm/", tag: "auth", summary: "Confirm an email change with the emailed token", body: emailChangeConfirmSchema, response: detailOut, public: true },
  { method: "post", path: "/api/v1/auth/me/password/", tag: "auth", summary: "Change your password (ends your other sessions)", body: passwordChangeSchema, response: sessionsEndedOut, idempotencyKey: false },
  { method: "post", path: "/api/v1/auth/me/sign-out-everywhere/", tag: "auth", summary: "End every other session and token", response: sessionsEndedOut, idempotencyKey: false },
  { method: "get", path: "/api/v1/auth/tokens/", tag: "auth", summary: "List personal API tokens", query: apiTokenListQuerySchema, response: apiTokenPageOut },
  { method: "post", path: "/api/v1/auth/tokens/", tag: "auth", summary: "Create a personal API token (the secret is shown once)", body: apiTokenCreateSchema, response: apiTokenCreatedOut, status: 201, idempotencyKey: false },
  { method: "delete", path: "/api/v1/auth/tokens/{id}/", tag: "auth", summary: "Revoke a personal API token", status: 204 },
  { method: "get", path: "/api/v1/admin/settings/", tag: "admin", summary: "App settings (admins)", response: settingsOut },
  { method: "patch", path: "/api/v1/admin/settings/", tag: "admin", summary: "Change app settings (admins)", body: settingsUpdateSchema, response: settingsOut },
  { method: "post", path: "/api/v1/public/tickets/", tag: "public", summary: "Open a ticket without an account (public ticket form)", body: publicTicketSchema, response: publicTicketOut, status: 202, public: true },
];
