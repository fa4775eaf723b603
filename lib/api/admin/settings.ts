import { z } from "zod";
import type { Settings } from "@/lib/domain/settings/definitions";

/** App settings on the wire (/api/v1/admin/settings/): one flat object, snake_case keys. */
const bool = z.boolean({ error: "Must be a valid boolean." });
const fields = {
  public_ticket_form: bool.meta({ description: "Anonymous visitors may open tickets at /contact/ and POST /api/v1/public/tickets/. Default false." }),
  auto_assign_on_reply: bool.meta({
    description: "An agent's first public reply on an unassigned ticket assigns it to them. Default: the AUTO_ASSIGN_ON_REPLY environment variable (on unless 0/false/off/no).",
  }),
};

export const settingsOut = z.object(fields).meta({ id: "AppSettings" });
export const settingsUpdateSchema = z
  .object(fields)
  .partial()
  .strict()
  .meta({ id: "AppSettingsUpdate" });

export function serializeSettings(s: Settings): z.output<typeof settingsOut> {
  return { public_ticket_form: s.public_ticket_form, auto_assign_on_reply: s.auto_assign_on_reply };
}
