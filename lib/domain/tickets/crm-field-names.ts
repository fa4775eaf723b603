import { ValidationError } from "../errors";
import type { TicketUpdateInput } from "@/lib/schemas/support";

/**
 * The CRM API reuses the support domain, whose validation errors name support fields. These
 * are renamed so a CRM client sees its own field names ({"due_date": [...]}, {"text": [...]}).
 */
const CRM_NAMES: Record<string, string> = { sla_due_at: "due_date", body: "text" };

/** The ticket fields the CRM shares with the support API, under the support API's names. */
export function toSupportFields(input: {
  subject?: string;
  description?: string;
  status?: TicketUpdateInput["status"];
  priority?: TicketUpdateInput["priority"];
  category?: string;
  contact?: string | null;
  assigned_to?: string | null;
  due_date?: Date | null;
  tags?: string[];
}): TicketUpdateInput {
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
  return mapped;
}

export async function withCrmFieldNames<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    throw new ValidationError(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [CRM_NAMES[k] ?? k, v])));
  }
}
