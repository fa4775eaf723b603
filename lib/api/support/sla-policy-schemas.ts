import { z } from "zod";
import { channelSchema, idSchema, pageOf, prioritySchema, PRIORITIES } from "@/lib/schemas/common";

/**
 * Wire shapes of /api/v1/support/sla-policies/. Targets are business minutes per priority;
 * a null (or missing) target means that clock does not run. The calendar is the policy's
 * own: weekly opening hours in an IANA zone (weekly_hours null = 24/7) plus holidays.
 */

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const HHMM = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

const clock = z.string().regex(HHMM, { error: "Use HH:MM (00:00 to 24:00)." });
const range = z.object({ start: clock, end: clock }).strict();
const minutes = z.number().int().min(1).max(525_600).nullable();

const clockTargets = z
  .object({ first_response: minutes.optional(), next_response: minutes.optional(), resolution: minutes.optional() })
  .strict()
  .meta({ id: "SlaClockTargets", description: "Business minutes per clock; null or missing: that clock does not run." });

const targetsIn = z.object(Object.fromEntries(PRIORITIES.map((p) => [p, clockTargets.optional()])) as Record<(typeof PRIORITIES)[number], z.ZodOptional<typeof clockTargets>>).strict();

const calendarIn = z
  .object({
    time_zone: z.string().min(1).max(64),
    weekly_hours: z
      .object(Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(range).max(8).optional()])) as Record<(typeof WEEKDAYS)[number], z.ZodOptional<z.ZodArray<typeof range>>>)
      .strict()
      .nullable()
      .optional(),
    holidays: z
      .array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use YYYY-MM-DD." }), recurring: z.boolean().optional() }).strict())
      .max(400)
      .optional(),
  })
  .strict()
  .meta({ id: "SlaCalendarInput" });

const conditionsIn = z
  .object({
    priority: z.array(prioritySchema).max(4).optional(),
    category: z.array(z.string().max(100)).max(50).optional(),
    channel: z.array(channelSchema).max(10).optional(),
    team: z.array(idSchema).max(50).optional(),
    company: z.array(idSchema).max(200).optional(),
  })
  .strict()
  .meta({ id: "SlaPolicyConditions", description: "All listed fields must match; a list matches when it holds the ticket's value." });

const fields = {
  name: z.string().trim().min(1).max(100),
  position: z.number().int().min(0).max(1_000_000),
  conditions: conditionsIn,
  targets: targetsIn,
  calendar: calendarIn,
  warn_before_minutes: z.number().int().min(0).max(10_080),
};

export const slaPolicyCreateSchema = z
  .object({ ...fields, position: fields.position.optional(), conditions: fields.conditions.optional(), calendar: fields.calendar.optional(), warn_before_minutes: fields.warn_before_minutes.optional() })
  .strict()
  .meta({ id: "SlaPolicyCreate" });

export const slaPolicyUpdateSchema = z.object(fields).partial().strict().meta({ id: "SlaPolicyUpdate" });

export type SlaPolicyCreate = z.infer<typeof slaPolicyCreateSchema>;
export type SlaPolicyUpdate = z.infer<typeof slaPolicyUpdateSchema>;

const isoOut = z.string().meta({ format: "date-time" });
const minutesOut = z.number().int().nullable();
const clockTargetsOut = z.object({ first_response: minutesOut, next_response: minutesOut, resolution: minutesOut }).strict().meta({ id: "SlaClockTargetsOut" });

export const slaPolicyOut = z
  .object({
    id: z.string().meta({ format: "uuid" }),
    name: z.string(),
    position: z.number().int().nullable().describe("Matching order (lowest first); null for the default policy, which always comes last."),
    is_default: z.boolean(),
    conditions: z
      .object({
        priority: z.array(z.string()).optional(),
        category: z.array(z.string()).optional(),
        channel: z.array(z.string()).optional(),
        team: z.array(z.string()).optional(),
        company: z.array(z.string()).optional(),
      })
      .strict(),
    targets: z.object(Object.fromEntries(PRIORITIES.map((p) => [p, clockTargetsOut])) as Record<(typeof PRIORITIES)[number], typeof clockTargetsOut>).strict(),
    calendar: z
      .object({
        time_zone: z.string(),
        weekly_hours: z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() }).strict())).nullable(),
        holidays: z.array(z.object({ date: z.string(), recurring: z.boolean() }).strict()),
      })
      .strict(),
    warn_before_minutes: z.number().int(),
    created_at: isoOut.nullable(),
    updated_at: isoOut.nullable(),
  })
  .strict()
  .meta({ id: "SlaPolicy" });

export const slaPolicyPageOut = pageOf(slaPolicyOut, "SlaPolicyPage");

const day = z
  .string({ error: (iss) => (iss.input === undefined ? "This field is required." : "Use YYYY-MM-DD.") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use YYYY-MM-DD." })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { error: "Not a date." })
  .meta({ format: "date" });

export const slaReportQuerySchema = z
  .object({
    from: day.describe("First creation day (UTC), inclusive."),
    to: day.describe("Last creation day (UTC), inclusive; at most 366 days after from."),
    group_by: z.enum(["policy", "team", "agent", "priority"], { error: "Choose policy, team, agent or priority." }).default("policy"),
  })
  .meta({ id: "SlaReportQuery" });

const stat = z.object({ median: z.number().int().nullable(), p90: z.number().int().nullable() }).strict();

export const slaReportOut = z
  .object({
    from: z.string(),
    to: z.string(),
    group_by: z.string(),
    results: z.array(
      z
        .object({
          key: z.string().nullable(),
          label: z.string(),
          tickets: z.number().int(),
          met: z.number().int(),
          breached: z.number().int(),
          percent_met: z.number().nullable(),
          first_response_minutes: stat.describe("Business minutes from creation to the first agent reply."),
          resolution_minutes: stat.describe("Business minutes the resolution clock ran, for resolved and closed tickets."),
        })
        .strict(),
    ),
  })
  .strict()
  .meta({ id: "SlaReport" });
