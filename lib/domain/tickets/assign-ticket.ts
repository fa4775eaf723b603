import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { getCrmTicket } from "./get-crm-ticket";
import { updateTicket } from "./update-ticket";

/**
 * Assigns (user_id) or unassigns (null) a ticket through updateTicket, so the permission
 * rule, the status move (new → assigned, assigned → new) and the assignment event are the
 * support API's; updateTicket also sets the assignee's team (their own, else their role's).
 */
export async function assignTicket(actor: Actor, id: string, userId: string | null) {
  try {
    await updateTicket(actor, id, { assigned_to: userId });
  } catch (e) {
    if (e instanceof ValidationError && e.fields.assigned_to) throw new ValidationError({ user_id: e.fields.assigned_to });
    throw e;
  }
  return getCrmTicket(actor, id);
}
