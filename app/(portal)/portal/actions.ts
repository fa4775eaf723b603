"use server";

import { ZodError } from "zod";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { prepareUploads } from "@/lib/domain/attachments/uploads";
import { DomainError, NotAuthenticatedError, ValidationError } from "@/lib/domain/errors";
import { createTicket } from "@/lib/domain/tickets/create-ticket";
import { isUuid } from "@/lib/schemas/common";
import { SUPPORT_FIELD_NAMES, toCreateTicket } from "@/lib/api/support/mappers";
import { ticketCreateSchema } from "@/lib/api/support/schemas";
import { zodFieldErrors } from "@/components/zod-errors";
import { rejectNullCharacters } from "@/lib/api/handler";
import { loadMyTickets, loadPortalThread } from "./_lib/portal-data";

async function actor() {
  const a = await currentActor();
  if (!a) throw new NotAuthenticatedError();
  return a;
}

/** Polling reads for the portal's open views (same loaders as the server pages). */
export async function refreshMyTickets(cursor?: string) {
  return loadMyTickets(await actor(), cursor);
}

export async function refreshThread(id: string) {
  if (!isUuid(id)) throw new ValidationError({ ticket: ["Invalid id."] });
  return loadPortalThread(await actor(), id.toLowerCase());
}

export interface NewTicketState {
  errors: Record<string, string[]>;
  values: Record<string, string>;
}

/**
 * Opens a ticket from the portal form: the same createTicket as POST /support/tickets/, with
 * the files in the same transaction (the JSON API has no upload field). A plain form post, so
 * it also works without JavaScript. Errors come back in the API's DRF shape, per field.
 */
export async function createTicketAction(_prev: NewTicketState, form: FormData): Promise<NewTicketState> {
  const values = {
    subject: String(form.get("subject") ?? ""),
    description: String(form.get("description") ?? ""),
    initial_message: String(form.get("initial_message") ?? ""),
    order: String(form.get("order") ?? ""),
  };
  const files = form.getAll("files").filter((f): f is File => typeof f !== "string" && f.size > 0);
  let id: string;
  try {
    const a = await actor();
    if (!values.initial_message.trim()) {
      return { values, errors: { initial_message: ["Tell us what happened: this becomes your first message."] } };
    }
    rejectNullCharacters(values);
    const input = ticketCreateSchema.parse({
      subject: values.subject,
      description: values.description || undefined,
      initial_message: values.initial_message,
      order: values.order || undefined,
    });
    const uploads = prepareUploads(
      await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
    );
    const ticket = await createTicket(a, { ...toCreateTicket(input), uploads, defaultChannel: "portal" });
    id = ticket.id;
  } catch (e) {
    if (e instanceof ZodError) return { values, errors: zodFieldErrors(e) };
    if (e instanceof ValidationError) return { values, errors: e.renamed(SUPPORT_FIELD_NAMES).fields };
    // Upload size/type errors name the files; show them beside the file picker.
    if (e instanceof DomainError && (e.status === 413 || e.status === 415)) return { values, errors: { files: [e.message] } };
    if (e instanceof DomainError) return { values, errors: { non_field_errors: [e.message] } };
    throw e;
  }
  redirect(`/portal/tickets/${id}/?created=1`);
}
