import { z } from "zod";
import { MAX_TAG_LENGTH, MAX_TAGS, normalizeTags, tagListProblem } from "@/lib/domain/tickets/tags";

/**
 * Tags on the wire. A list in a body is normalized (trimmed, lower-case, deduplicated) and
 * bounded; a `tags` query filter is a comma list of the same, matched any-of.
 */
export const tagListSchema = z
  .array(z.string({ error: "Not a valid string." }).max(200, { error: `Tags have at most ${MAX_TAG_LENGTH} characters.` }), {
    error: "Expected a list of strings.",
  })
  .max(MAX_TAGS * 4, { error: `At most ${MAX_TAGS} tags.` })
  .transform((raw, ctx) => {
    const tags = normalizeTags(raw);
    const problem = tagListProblem(tags);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
    return tags;
  })
  .meta({ description: `Up to ${MAX_TAGS} tags of at most ${MAX_TAG_LENGTH} characters; stored trimmed, lower-case and without duplicates.` });

export const tagsFilterSchema = z
  .string()
  .max(1_000, { error: "Ensure this field has no more than 1000 characters." })
  .transform((s, ctx) => {
    const tags = normalizeTags(s.split(","));
    if (tags.length > MAX_TAGS) ctx.addIssue({ code: "custom", message: `At most ${MAX_TAGS} tags.` });
    return tags;
  })
  .meta({ description: "Comma list of tags: tickets carrying any of them." });
