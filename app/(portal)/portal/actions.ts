"use server";

import { redirect } from "next/navigation";
import { errorResponse } from "@/lib/api/errors";
import { rejectNullCharacters } from "@/lib/api/handler";
import { formErrors, type FieldErrors } from "@/lib/api-client/errors";
import { currentActor } from "@/lib/auth/session";
import { prepareUploads } from "@/lib/domain/attachments/uploads";
import { NotAuthenticatedError } from "@/lib/domain/errors";
import { createTicket } from "@/lib/domain/tickets/create-ticket";
import { SUPPORT_FIELD_NAMES, toCreateTicket } from "@/lib/api/support/mappers";
import { ticketCreateSchema } from "@/lib/api/support/schemas";

export interface NewTicketState {
  errors: FieldErrors;
  values: Record<string, string>;
}

/**
 * Opens a ticket from the portal form: the same createTicket as POST /support/tickets/, with
 * the files in the same transaction (the JSON API has no upload field). A plain form post, so
 * it also works without JavaScript. A failure is turned into the API's response by the API's
 * own error mapping, then into form errors by the same mapping browser calls use, so the form
 * shows exactly what the API would have said, beside the same fields.
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
    const actor = await currentActor();
    if (!actor) throw new NotAuthenticatedError();
    rejectNullCharacters(values);
    const parsed = ticketCreateSchema.safeParse({
      subject: values.subject,
      description: values.description || undefined,
      initial_message: values.initial_message,
      order: values.order || undefined,
    });
    // Every field's problem at once: a missing message must not hide a missing subject.
    const noMessage = !values.initial_message.trim();
    if (noMessage || !parsed.success) {
      const errors = parsed.success ? {} : formErrors(400, await errorResponse(parsed.error, SUPPORT_FIELD_NAMES).json());
      if (noMessage) errors.initial_message = ["Tell us what happened: this becomes your first message."];
      return { values, errors };
    }
    const input = parsed.data;
    const uploads = prepareUploads(
      await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
    );
    const ticket = await createTicket(actor, { ...toCreateTicket(input), uploads, defaultChannel: "portal" });
    id = ticket.id;
  } catch (e) {
    const res = errorResponse(e, SUPPORT_FIELD_NAMES);
    return { values, errors: formErrors(res.status, await res.json()) };
  }
  redirect(`/portal/tickets/${id}/?created=1`);
}
