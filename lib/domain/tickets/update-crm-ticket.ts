import type { Actor } from "../actor";
import type { CrmTicketUpdateInput } from "@/lib/schemas/crm";
import { toSupportFields, withCrmFieldNames } from "./crm-field-names";
import { getCrmTicket } from "./get-crm-ticket";
import { updateTicket, type Preconditions } from "./update-ticket";

/**
 * CRM PATCH = updateTicket with CRM names mapped, so the same permission rules (status and
 * assignment by the assignee or an admin), timestamps and events apply as in the support API.
 */
export async function updateCrmTicket(actor: Actor, id: string, input: CrmTicketUpdateInput, pre: Preconditions = {}) {
  const mapped = toSupportFields(input);
  // Always run updateTicket (even for a company-only change): it is where visibility,
  // the customer refusal and If-Match are decided.
  await withCrmFieldNames(() => updateTicket(actor, id, mapped, pre, { companyId: input.company }));
  return getCrmTicket(actor, id);
}
