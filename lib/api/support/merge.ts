import { z } from "zod";
import { idSchema } from "@/lib/schemas/common";
import { supportTicketOut } from "./output-schemas";

/** POST /api/v1/support/tickets/{id}/merge/: the request and the answer (both tickets, as after the merge). */
export const mergeSchema = z
  .object({
    target: idSchema.meta({ description: "The ticket the duplicate ({id}) is merged into." }),
  })
  .meta({ id: "SupportTicketMerge" });

export const mergedTicketsOut = z
  .object({
    source: supportTicketOut.describe("The merged duplicate: closed, `merged_into` set to the target."),
    target: supportTicketOut.describe("The ticket it was merged into, with the moved messages counted."),
  })
  .strict()
  .meta({ id: "SupportTicketMerged" });

export const MERGE_FIELD_NAMES: Readonly<Record<string, string>> = { targetId: "target" };
