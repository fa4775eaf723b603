import { z } from "zod";
import { idSchema } from "@/lib/schemas/common";

/** Query parameters of GET /support/stream/: filters that narrow the stream. */
export const streamQuerySchema = z.object({
  ticket: idSchema.optional(),
  assigned_to: z.enum(["me"], { error: '"assigned_to" accepts only "me".' }).optional(),
  // For clients that cannot send the Last-Event-ID header on their first connection.
  last_event_id: z.string().max(40).optional(),
});

const flag = z.boolean({ error: "Must be a valid boolean." }).optional().default(false);

/** Body of POST /support/tickets/{id}/presence/: a heartbeat, or leaving the ticket. */
export const presenceSchema = z.object({ typing: flag, leaving: flag });
