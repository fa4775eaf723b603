import { z } from "zod";
import { pageOf } from "@/lib/schemas/common";

/** GET /api/v1/support/tags/: autocomplete for the ticket view's tag editor. */
export const tagSuggestQuerySchema = z
  .object({
    search: z.string().max(200, { error: "Search is limited to 200 characters." }).optional()
      .meta({ description: "Only tags containing this text (case-insensitive); tags starting with it come first." }),
    page_size: z.coerce.number({ error: "A valid integer is required." }).int({ error: "A valid integer is required." })
      .min(1, { error: "Ensure this value is greater than or equal to 1." })
      .max(50, { error: "Ensure this value is less than or equal to 50." })
      .optional(),
  })
  .meta({ id: "TagSuggestQuery" });

export const tagSuggestionOut = z
  .object({
    name: z.string(),
    count: z.number().int().meta({ description: "Tickets with this tag among the newest tagged tickets sampled (up to 10,000)." }),
  })
  .strict()
  .meta({ id: "TagSuggestion" });
export const tagSuggestionPageOut = pageOf(tagSuggestionOut, "TagSuggestionPage");
