import type { Actor } from "../actor";
import type { CrmTicketUpdateInput } from "@/lib/schemas/crm";
import type { TicketUpdateInput } from "@/lib/schemas/support";
import { withCrmFieldNames } from "./crm-field-names";
import { getCrmTicket } from "./get-crm-ticket";
import { updateTicket, type Preconditions } from "./update-ticket";

/**
 * CRM PATCH = updateTicket with CRM names mapped, so the same permission rules (status and
 * assignment by the assignee or an admin), timestamps and events apply as in the support API.
 */
export async function updateCrmTicket(actor: Actor, id: string, input: CrmTicketUpdateInput, pre: Preconditions = {}) {
  const mapped: TicketUpdateInput = {
    subject: input.subject,
    description: input.description,
    status: input.status,
    priority: input.priority,
    category: input.category,
    contact: input.contact,
    assigned_to: input.assigned_to,
    sla_due_at: input.due_date,
    tags: input.tags,
  };
  for (const k of Object.keys(mapped) as (keyof TicketUpdateInput)[]) if (mapped[k] === undefined) delete mapped[k];
  // Always run updateTicket (even for a company-only change): it is where visibility,
  // the customer refusal and If-Match are decided.
  await withCrmFieldNames(() => updateTicket(actor, id, mapped, pre, { companyId: input.company }));
  return getCrmTicket(actor, id);
}
