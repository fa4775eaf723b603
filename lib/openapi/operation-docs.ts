import type { ConditionalHeader } from "./http";
import { adminOperationDocs } from "@/lib/api/admin/operations";
import { peopleOperationDocs } from "./people-operation-docs";

/**
 * What the OpenAPI document says about each operation beyond its schemas: a description for
 * people, the conditional-request headers it honours, the resource headers it returns and any
 * error a request can meet that its shape does not imply (the document derives 400/401/403/
 * 404/409/413/415/422/429 from the method, body, path id and authentication). Keyed by
 * "method path"; the document refuses to build if an operation has no entry here.
 */
export interface OperationDoc {
  description: string;
  conditional?: ConditionalHeader[];
  /** Response headers of the ticket resource: its version (ETag) and change time. */
  headers?: ("ETag" | "Last-Modified" | "Location")[];
  /** Statuses this operation can also answer with. */
  errors?: number[];
  /** Parameters its zod schemas do not describe. */
  parameters?: Record<string, unknown>[];
}

const TICKET = ["ETag", "Last-Modified"] as const;

export const operationDocs: Record<string, OperationDoc> = {
  ...adminOperationDocs,
  "get /api/v1/schema/": {
    description: "This document, for generating clients. Public; cached for five minutes.",
  },
  "post /api/v1/auth/token/": {
    description:
      "Exchanges an email and password for a short-lived access token (15 minutes) and a refresh token (7 days), both signed JWTs. Repeated failures for an email or client address are throttled with 429 and Retry-After.",
    errors: [401],
  },
  "post /api/v1/auth/token/refresh/": {
    description: "Exchanges a refresh token for a new access token. A deactivated user's refresh token stops working at once (401).",
    errors: [401],
  },
  "post /api/v1/auth/signup/": {
    description:
      "Creates a customer account that can sign in once its email address is confirmed through the emailed link (24 hours). The answer is the same 201 whether or not the address already has an account: an existing account's owner is emailed instead, and an account without a password (one that wrote in by email or was made by an agent) is completed, so its earlier tickets show. The password is checked for strength (zxcvbn, score 3 of 4).",
  },
  "post /api/v1/auth/verify-email/": {
    description: "Confirms the address with the token from the verification link. A token works once; a used, expired or unknown one is 400 on `token`.",
  },
  "post /api/v1/auth/password-reset/": {
    description: "Emails a single-use link (1 hour) to reset the password, if an active account uses the address. Always the same 200, so the answer never tells whether the address has an account.",
  },
  "post /api/v1/auth/password-reset/confirm/": {
    description:
      "Sets a new password with the token from the reset link. Every session, access token and refresh token of the user issued before this call stops working (401). A weak password is 400 on `password` and leaves the token usable; a used, expired or unknown token is 400 on `token`.",
  },
  "post /api/v1/auth/magic-link/": {
    description: "Emails a single-use sign-in link (15 minutes), if an active account uses the address. Always the same 200. The link opens /magic-link/, which signs in through next-auth.",
  },
  "get /api/v1/auth/me/": {
    description: "The signed-in user's own account.",
  },
  "patch /api/v1/auth/me/": {
    description: "Changes the signed-in user's name (their CRM contact's name follows). The email and password have endpoints of their own.",
  },
  "post /api/v1/auth/me/email/": {
    description:
      "Asks to move the account to a new address. The current `password` is required (wrong guesses are throttled: 429). A link valid for 24 hours goes to the NEW address; the account keeps its email until the link is opened (POST /api/v1/auth/me/email/confirm/). The answer is the same whether or not the new address has an account (none gets a link then). Needs a password sign-in: a personal API token gets 403.",
  },
  "post /api/v1/auth/me/email/confirm/": {
    description: "Moves the account to the new address with the token from the emailed link (no sign-in needed: the link proves the address). A used, expired or unknown token, or an address another account took meanwhile, is 400 on `token`.",
  },
  "post /api/v1/auth/me/password/": {
    description:
      "Changes the password: `current_password` is checked (throttled: 429), `password` for strength (zxcvbn, score 3 of 4). Every other session, access and refresh token and personal API token of the user stops working (401). The caller carries on: a browser session gets a re-issued cookie, a JWT caller a new `access` and `refresh` in the body. Needs a password sign-in: a personal API token gets 403.",
  },
  "post /api/v1/auth/me/sign-out-everywhere/": {
    description:
      "Ends every session, access and refresh token and personal API token of the user, except the caller's own: a browser session gets a re-issued cookie, a JWT caller a new `access` and `refresh` in the body. Needs a password sign-in: a personal API token gets 403.",
  },
  "get /api/v1/auth/tokens/": {
    description:
      "The caller's live (not revoked) personal API tokens, newest first, without their secrets. Admins may pass `user=<id>` for one user's tokens or `user=all` for everyone's; anyone else gets 403 for that.",
  },
  "post /api/v1/auth/tokens/": {
    description:
      "Creates a personal API token: `Authorization: Bearer cf_…` then works on every /api/v1 endpoint with the owner's rights, until it is revoked, its `expires_at` passes, the owner is deactivated, or the owner's sessions end (password change or reset, sign out everywhere). The secret is in `token` in this answer only; only its SHA-256 is stored. Needs a password sign-in (browser session or JWT): a personal token cannot create tokens (403).",
  },
  "delete /api/v1/auth/tokens/{id}/": {
    description: "Revokes a personal API token: the owner's own, or anyone's for an admin. It stops working at once. Another user's token, or one already revoked, is 404.",
  },
  "get /api/v1/admin/settings/": {
    description: "Every app setting: the stored value, or its default while none is stored. Admins only.",
  },
  "patch /api/v1/admin/settings/": {
    description: "Changes some app settings (unknown keys are 400). Admins only; each change is written to the audit log.",
  },
  "post /api/v1/public/tickets/": {
    description:
      "Opens a ticket for an anonymous visitor while the `public_ticket_form` setting is on (404 while it is off). A customer account without a password and a CRM contact are made for an unknown address (as for mail from an unknown sender); replies go by email, and signing up with the same address shows the ticket. The answer is the same 202 whatever happens to the request: a filled `website` honeypot, or an agent's or deactivated account's address, opens nothing. Rate limited per client address (RATE_LIMIT_PUBLIC_ADDRESS).",
    errors: [404],
  },

  // Support API
  "get /api/v1/support/tickets/": {
    description:
      "Tickets the caller may see: agents see all, customers only their own. Filters are ANDed; date ranges are inclusive and a date alone covers the whole UTC day. `tags` is a comma list matched any-of (tags are compared normalized: trimmed, lower-case). `search` needs every term to match the subject, description, contact email or user email. `ordering` accepts last_message_at (default, descending), created_at, updated_at, sla_due_at and priority (by severity), with `-` for descending; nulls sort last. Cursor pagination: follow `next` / `previous`.",
  },
  "post /api/v1/support/tickets/": {
    description:
      "Opens a ticket. A customer's ticket is linked to them and to their CRM contact; `initial_message` becomes the first message in the same transaction. Agents may also set the requester (`user`), `contact` and the agent fields; customers sending agent fields get 400.",
    headers: ["ETag", "Location"],
  },
  "get /api/v1/support/tickets/{id}/": {
    description: "One ticket. AI fields are null for customers. The ETag and Last-Modified headers name this version for a later conditional PATCH.",
    headers: [...TICKET],
  },
  "patch /api/v1/support/tickets/{id}/": {
    description:
      "Agents update a ticket (partial). Status and assignment changes are limited to the assignee or an admin; any agent may take an unassigned ticket. Send the ETag in If-Match (or Last-Modified in If-Unmodified-Since) so an edit based on a version someone else has since changed is refused with 412 instead of overwriting theirs.",
    conditional: ["If-Match", "If-Unmodified-Since"],
    headers: [...TICKET],
  },
  "post /api/v1/support/tickets/{id}/mark-read/": {
    description: "Zeroes the caller's unread counter: agents clear `unread_by_agent`, customers `unread_by_customer`. Call it when a thread is opened.",
    headers: ["ETag"],
  },
  "get /api/v1/support/tickets/{id}/capabilities/": {
    description:
      "The caller's capabilities on this ticket as the server's policy decides them now (change status, assign, reassign, take it, post internal notes …), so a client shows only the controls that will be accepted. The ETag names the ticket version the flags describe.",
    headers: ["ETag"],
  },
  "get /api/v1/support/messages/": {
    description:
      "Messages of the tickets the caller may see, oldest first. Customers never see internal notes. Filter by `ticket` to read one thread.",
  },
  "post /api/v1/support/messages/": {
    description:
      "Posts a reply, or (agents only) an internal note with `is_internal: true`. JSON, or multipart/form-data with the files in `files`. The direction is set by the server (agents outbound, customers inbound) and the ticket's unread counters and `last_message_at` follow. Agents may send `status` to set it in the same transaction (\"send and set pending\"; the assignee's or an admin's to set, else 403). An agent's public reply that is the first response on an unassigned ticket assigns the ticket to that agent (AUTO_ASSIGN_ON_REPLY, on by default). Posting to a ticket the caller does not take part in is 403; one outside their scope is 404. Send the ticket's ETag in If-Match to post only if the ticket has not changed since (collision check): a stale one is 412 with `{detail, ticket}` (the ticket as it is now, its ETag in the response header) and nothing is written; a malformed If-Match is 400; without the header the post is unconditional.",
    errors: [404],
    conditional: ["If-Match"],
  },
  "get /api/v1/support/events/": {
    description: "Timeline events (status, assignment, priority, messages), newest first. Customers see no events about internal notes.",
  },
  "get /api/v1/support/attachments/{id}/": {
    description:
      "Downloads an attachment under the visibility of its ticket and message. Always served as a download with `X-Content-Type-Options: nosniff` and a sandboxing CSP; `inline=1` shows images inline.",
    parameters: [{ name: "inline", in: "query", required: false, description: "`1` serves an image inline instead of as a download.", schema: { type: "string", enum: ["1"] } }],
  },
  "get /api/v1/support/notification-preferences/": {
    description: "The calling agent's email notification switches, one boolean per kind. Customers get 403.",
  },
  "put /api/v1/support/notification-preferences/": {
    description: "Sets any subset of the calling agent's switches; kinds left out keep their setting. Unknown kinds are 400.",
  },
  "get /api/v1/support/stream/": {
    description:
      "Server-Sent Events of the changes the caller may see: `ticket.created`, `ticket.updated` ({ticket, fields, version}), `ticket.deleted` ({ticket}), `message.created` ({ticket, message, author_side}; agents also get `is_internal`), `message.updated` ({ticket, message, fields}), `message.deleted` ({ticket, message}), `attachment.created` / `attachment.deleted` ({ticket, attachment}), `ticket.read`, `resync` (refetch everything) and, for agents, `presence`. Events carry ids, never bodies: refetch through this API. Customers get only their own tickets and nothing about internal notes. Reconnect with `Last-Event-ID` (or `last_event_id`) to replay what was missed; `resync` when that is no longer possible. A `: heartbeat` comment every 15 s keeps the connection open.",
    parameters: [
      {
        name: "Last-Event-ID",
        in: "header",
        required: false,
        description: "The `id` of the last event received; the stream first replays every later change the caller may see.",
        schema: { type: "string", maxLength: 40 },
      },
    ],
  },
  "post /api/v1/support/tickets/{id}/presence/": {
    description:
      "An agent's heartbeat on a ticket: send one every ~10 s while the ticket is open, `typing: true` while writing a reply and `leaving: true` on the way out. Other agents' streams get a `presence` event; a viewer without a heartbeat for 30 s drops off. Customers get 403.",
  },
  "get /api/v1/support/tags/": {
    description:
      "Tags in use, most used first (those starting with `search` before those only containing it), for autocomplete. Agents only. Counted over the newest tagged tickets (at most 10,000, within the newest 100,000 tickets), so the work is bounded and `count` is a popularity measure, not an all-time total. One page: `next` is always null.",
  },
  "get /api/v1/support/macros/": {
    description:
      "Macros the calling agent may use: every shared macro and their own personal ones, by name. `search` matches the name or body (case-insensitive substring); `shared` narrows to shared or personal ones. Customers get 403.",
  },
  "post /api/v1/support/macros/": {
    description:
      "Creates a macro owned by the caller: a reply body with placeholders ({{customer.name}}, {{customer.first_name}}, {{customer.email}}, {{ticket.number}}, {{ticket.subject}}, {{ticket.status}}, {{ticket.priority}}, {{agent.name}}, {{agent.first_name}}, {{agent.email}}) and optional actions (status, priority, assigned_to, add_tags, remove_tags). Unknown placeholders are 400. Personal unless `shared`.",
    headers: ["Location"],
  },
  "get /api/v1/support/macros/{id}/": {
    description: "One macro. Another agent's personal macro is 404.",
  },
  "patch /api/v1/support/macros/{id}/": {
    description: "Updates a macro (partial). Personal macros are their owner's; shared ones can be changed by their creator or an admin (403 otherwise).",
  },
  "delete /api/v1/support/macros/{id}/": {
    description: "Deletes a macro, under the same rules as an update.",
  },
  "post /api/v1/support/tickets/{id}/apply-macro/": {
    description:
      "Applies a macro in one transaction: its actions change the ticket (with the same rules, events and If-Match / If-Unmodified-Since check as a PATCH), its body is rendered and posted as a reply (or an internal note with `internal: true`), and its usage count goes up. Returns the ticket and the posted message (null when the body is empty).",
    conditional: ["If-Match", "If-Unmodified-Since"],
    headers: ["ETag", "Last-Modified"],
  },
  "get /api/v1/support/views/": {
    description:
      "The calling agent's saved queue views: their own (personal or shared) and those shared with their team, by `position`. Another agent's personal view never appears, admins included. Customers get 403.",
  },
  "post /api/v1/support/views/": {
    description:
      "Saves a named view: `query` is the queue's query string (filters and `ordering`, validated like GET /api/v1/support/tickets/; 400 on `query` otherwise). Personal unless `shared` (shared with the caller's team; 400 when they have none). Appended to the caller's list unless `position` is given.",
    headers: ["Location"],
  },
  "get /api/v1/support/views/{id}/": {
    description: "One saved view. A view the caller cannot see (another agent's personal one, another team's) is 404.",
  },
  "patch /api/v1/support/views/{id}/": {
    description:
      "Updates a view (partial). `position` moves it within its owner's list (the others shift). Personal views are their owner's; shared ones can be changed by their creator or an admin (403 otherwise).",
  },
  "delete /api/v1/support/views/{id}/": {
    description: "Deletes a view, under the same rules as an update; the owner's later views move up.",
  },
  "post /api/v1/support/tickets/{id}/merge/": {
    description:
      "Merges the duplicate `{id}` into `target` in one transaction: its messages, attachments, watchers and tags move to the target (whose message counts grow by what moved), the duplicate is closed with `merged_into` set, tickets already merged into the duplicate now point at the target, and both timelines record it. The duplicate's customer gets one email (and no separate \"closed\" one). Returns both tickets as they are after the merge. Agents and admins only (403 for customers; 404 when `{id}` is not visible); 400 for `target` equal to `{id}` or not an existing ticket; 409 when either ticket was already merged; 412 when If-Match / If-Unmodified-Since no longer matches the duplicate.",
    conditional: ["If-Match", "If-Unmodified-Since"],
    headers: ["ETag", "Last-Modified"],
  },
  "post /api/v1/support/tickets/bulk/": {
    description:
      "Applies the same changes (status, priority, assigned_to, add_tags, remove_tags, and/or a macro) to 1–100 tickets. Each ticket is its own transaction with the policy and version checks of a single PATCH (`versions` maps ticket ids to the version they were seen at). The answer is 200 with one result per id, in order: `ok` with the ticket, or `error` with the status the single request would have had (403, 404, 412, 400 with `errors`). Partial success is normal; nothing is skipped silently.",
  },
  "get /api/v1/support/notifications/": {
    description:
      "The caller's own in-app notifications (the workspace bell), newest first: SLA warnings to the assignee (or the team of an unassigned ticket) and breaches to them and the admins. `unread=true` lists unread ones only. Email mutes do not silence these. Nobody sees anyone else's.",
  },
  "get /api/v1/support/notifications/unread-count/": {
    description:
      "The caller's unread count for the bell, bounded so it costs the same for everyone: `unread_count` is exact up to 99; beyond that it is 99 with `more: true` and `label` \"99+\".",
  },
  "post /api/v1/support/notifications/{id}/read/": {
    description: "Marks one of the caller's notifications read and returns it. Idempotent (a second call keeps the first `read_at`). Someone else's notification is 404.",
  },
  "post /api/v1/support/notifications/read-all/": {
    description: "Marks every unread notification of the caller read; `marked` says how many changed.",
  },
  "get /api/v1/support/sla-policies/": {
    description:
      "SLA policies in matching order: the first whose conditions all match a ticket applies, the default policy (always present, last) otherwise. Targets are business minutes per priority for the first response, next response (after a customer reply) and resolution, counted in the policy's calendar. Agents may read; customers get 403.",
  },
  "post /api/v1/support/sla-policies/": {
    description:
      "Admins add a policy (conditions on priority, category, channel, team, company; targets; calendar with weekly hours in an IANA time zone and holidays; a warning lead time). Open tickets are matched again in batches; their clocks keep the business time already used.",
    headers: ["Location"],
  },
  "get /api/v1/support/sla-policies/{id}/": {
    description: "One SLA policy. Agents may read; customers get 403.",
  },
  "patch /api/v1/support/sla-policies/{id}/": {
    description:
      "Admins edit a policy; targets given for a priority replace that priority's targets. The default policy has no conditions. Open tickets are recomputed in batches.",
  },
  "delete /api/v1/support/sla-policies/{id}/": {
    description: "Admins delete a policy; its open tickets move to the next matching policy first. The default policy cannot be deleted (409).",
    errors: [409],
  },
  "get /api/v1/support/sla-report/": {
    description:
      "For agents: tickets created from `from` to `to` (UTC days, inclusive), grouped by `group_by`: how many, met, breached (a clock announced breached, or open past sla_due_at now), % met, and median / p90 business minutes to the first response and of resolution. Customers get 403.",
  },
  "get /api/v1/support/tickets/count/": {
    description:
      "How many tickets GET /api/v1/support/tickets/ lists with the same filters and visibility, for a view's total: exact up to 1,000, then `{\"count\": 1000, \"capped\": true}` (shown as \"1,000+\"). Bounded, so it stays cheap on any queue. `ordering`, `cursor` and `page_size` are ignored.",
  },
  "get /api/v1/support/ticket-parties/": {
    description:
      "For agents: the requester, CRM contact (with company) and order of up to 100 tickets in one request, e.g. the tickets of a list page. Tickets outside the caller's scope are left out. Customers get 403.",
  },

  // CRM ticket API
  "get /api/v1/tickets/": {
    description:
      "Tickets in the CRM field names. Filters: status, priority, category, company, assigned_to, assigned_team, my_tickets, unassigned, open (not resolved or closed); `search` over ticket number, subject, description and company name; `ordering` by created_at (default, descending), priority, status, due_date.",
  },
  "post /api/v1/tickets/": {
    description: "Creates a ticket; `created_by` is the caller and `assigned_team` follows the category. `due_date` is the SLA due time.",
    headers: ["ETag", "Location"],
  },
  "get /api/v1/tickets/stats/": {
    description: "Counts over the tickets the caller may see: total, by status, by priority, the caller's open tickets, unassigned and overdue.",
  },
  "get /api/v1/tickets/{id}/": {
    description: "One ticket with its comments and attachments (internal notes only for agents).",
    headers: [...TICKET],
  },
  "patch /api/v1/tickets/{id}/": {
    description: "Updates a ticket (partial), with the same rules as the support API. Send the ETag in If-Match to be refused with 412 instead of overwriting a newer version.",
    conditional: ["If-Match"],
    headers: [...TICKET],
  },
  "delete /api/v1/tickets/{id}/": {
    description: "Deletes a ticket with its messages and attachments. Admins only.",
  },
  "post /api/v1/tickets/{id}/add_comment/": {
    description: "Adds a comment (a message), or an internal note with `is_internal: true` (agents only), and returns the updated ticket. A public agent comment sets `first_response_at` once.",
    headers: ["ETag"],
  },
  "post /api/v1/tickets/{id}/assign/": {
    description: "Assigns the ticket to an agent (`user_id`), or unassigns it with null; the status becomes assigned or new. Limited to the assignee or an admin; any agent may take an unassigned ticket.",
    headers: ["ETag"],
  },
  "get /api/v1/ticket-comments/": {
    description: "Comments of the tickets the caller may see, oldest first; filter by `ticket`.",
  },
  "post /api/v1/ticket-comments/": {
    description: "Creates a comment on a ticket (the same as posting a message). The author is the caller.",
    errors: [404],
  },
  "get /api/v1/ticket-comments/{id}/": {
    description: "One comment.",
  },
  "patch /api/v1/ticket-comments/{id}/": {
    description: "Edits a comment. Only its author or an admin may.",
  },
  "delete /api/v1/ticket-comments/{id}/": {
    description: "Deletes a comment. Only its author or an admin may.",
  },
  "post /api/v1/ticket-attachments/": {
    description: "Uploads one file (multipart: `ticket` and `file`). Size and count limits give 413; the type is checked from the bytes.",
    errors: [404],
  },
  "get /api/v1/ticket-attachments/{id}/": {
    description: "Attachment metadata; `file` is the permission-checked download URL.",
  },
  "delete /api/v1/ticket-attachments/{id}/": {
    description: "Deletes an attachment. Only its uploader or an admin may.",
  },
  ...peopleOperationDocs,
};
