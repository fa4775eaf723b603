import { z } from "zod";


const flag = z.boolean({ error: "Must be a valid boolean." });

/** PUT body: any subset of kinds; kinds left out keep their current setting. Unknown keys are 400. */
export const notificationPreferencesSchema = z.strictObject(
  {
    ticket_update: flag.optional(),
    customer_reply: flag.optional(),
    ticket_created: flag.optional(),
    sla_warning: flag.optional(),
    sla_breached: flag.optional(),
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown notification kind: ${iss.keys.join(", ")}.` : undefined) },
);

export type NotificationPreferencesInput = z.output<typeof notificationPreferencesSchema>;
