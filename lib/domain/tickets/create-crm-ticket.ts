import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { isAgent } from "../policy";
import type { CrmTicketCreateInput } from "@/lib/schemas/crm";
import type { TicketCreateInput } from "@/lib/schemas/support";
import { createTicket } from "./create-ticket";
import { withCrmFieldNames } from "./crm-field-names";
import { getCrmTicket } from "./get-crm-ticket";
import { applyRoleTeam } from "./assign-ticket";
import { assertCompanyExists, setTicketCompany } from "./set-ticket-company";

/**
 * CRM create = the support API's createTicket with CRM names mapped (due_date → sla_due_at,
 * comma tags → list), so numbering, SLA defaults, category → team routing, created_by and the
 * events are the same whichever API opened the ticket. The CRM's explicit `company` (agents
 * only) is applied after, overriding the one derived from the contact.
 */
export async function createCrmTicket(actor: Actor, input: CrmTicketCreateInput) {
  if (input.company !== undefined && !isAgent(actor)) {
    throw ValidationError.field("company", "Only support agents may set this field.");
  }
  if (input.company) await assertCompanyExists(await db(), input.company);
  const mapped: TicketCreateInput = {
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
  for (const k of Object.keys(mapped) as (keyof TicketCreateInput)[]) if (mapped[k] === undefined) delete mapped[k];
  const created = await withCrmFieldNames(() => createTicket(actor, mapped, { defaultChannel: "api" }));
  if (input.company !== undefined && input.company !== created.companyId) {
    await setTicketCompany(actor, created.id, input.company);
  }
  // An assignee without a team of their own gets their role's team, as in the assign action.
  if (created.assignedToId && !created.assignedTeamId) await applyRoleTeam(created.id, created.assignedToId);
  return getCrmTicket(actor, created.id);
}
