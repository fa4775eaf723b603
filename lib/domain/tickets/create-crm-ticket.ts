import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { isAgent } from "../policy";
import type { CrmTicketCreateInput } from "@/lib/schemas/crm";
import type { TicketCreateInput } from "@/lib/schemas/support";
import { createTicket } from "./create-ticket";
import { toSupportFields, withCrmFieldNames } from "./crm-field-names";
import { getCrmTicket } from "./get-crm-ticket";

/**
 * CRM create = the support API's createTicket with CRM names mapped (due_date → sla_due_at,
 * comma tags → list), so numbering, SLA defaults, category → team routing, created_by and the
 * events are the same whichever API opened the ticket. The CRM's explicit `company` (agents
 * only) overrides the one derived from the contact, in the same transaction.
 */
export async function createCrmTicket(actor: Actor, input: CrmTicketCreateInput) {
  if (input.company !== undefined && !isAgent(actor)) {
    throw ValidationError.field("company", "Only support agents may set this field.");
  }
  const mapped = { subject: input.subject, ...toSupportFields(input) } as TicketCreateInput;
  // The explicit company and the assignee's team are set inside createTicket's transaction.
  const created = await withCrmFieldNames(() =>
    createTicket(actor, mapped, { defaultChannel: "api", companyId: input.company }),
  );
  return getCrmTicket(actor, created.id);
}
