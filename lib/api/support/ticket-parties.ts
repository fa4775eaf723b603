import { z } from "zod";
import { idSchema } from "@/lib/schemas/common";

/**
 * GET /api/v1/support/ticket-parties/?tickets=<id>,<id>: who tickets are about (requester, CRM
 * contact and company, order). The ticket serializer gives these only as ids; an agent's list
 * or ticket view needs the names, for a whole page of tickets in one request.
 */
export const MAX_PARTY_TICKETS = 100;

export const ticketPartiesQuerySchema = z.object({
  tickets: z
    .string({ error: "This field is required." })
    .transform((raw, ctx) => {
      const ids = [...new Set(raw.split(",").map((s) => s.trim()).filter(Boolean))];
      const parsed = z.array(idSchema).min(1, { error: "Name at least one ticket." }).max(MAX_PARTY_TICKETS, {
        error: `Ask for at most ${MAX_PARTY_TICKETS} tickets at once.`,
      }).safeParse(ids);
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: parsed.error.issues[0].message });
        return z.NEVER;
      }
      return parsed.data;
    })
    .meta({ description: `Comma-separated ticket ids (at most ${MAX_PARTY_TICKETS}). Tickets outside the caller's scope are left out.` }),
});

const uuid = z.string().meta({ format: "uuid" });

export const ticketPartiesOut = z
  .object({
    ticket: uuid,
    requester: z.object({ id: uuid, name: z.string(), email: z.string() }).nullable(),
    contact: z.object({ id: uuid, name: z.string(), email: z.string(), company: z.string().nullable() }).nullable(),
    order: z
      .object({
        id: uuid,
        number: z.string(),
        total: z.string().nullable().meta({ description: "Decimal amount as a string." }),
        currency: z.string(),
        status: z.string(),
        created_at: z.string().meta({ format: "date-time" }),
      })
      .nullable(),
  })
  .strict()
  .meta({ id: "SupportTicketParties" });

export const ticketPartiesPageOut = z
  .object({ next: z.string().nullable(), previous: z.string().nullable(), results: z.array(ticketPartiesOut) })
  .meta({ id: "SupportTicketPartiesPage" });
