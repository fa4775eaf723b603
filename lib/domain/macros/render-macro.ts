/**
 * Macro placeholders: `{{customer.name}}`, `{{ticket.number}}`, `{{agent.first_name}}` … are
 * filled from the ticket and the agent applying the macro. Pure: no database, no clock. A body
 * naming a placeholder that does not exist is refused when the macro is saved (a typo would
 * otherwise reach a customer verbatim).
 */
export const PLACEHOLDERS = [
  "customer.name",
  "customer.first_name",
  "customer.email",
  "ticket.number",
  "ticket.subject",
  "ticket.status",
  "ticket.priority",
  "agent.name",
  "agent.first_name",
  "agent.email",
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PATTERN = /\{\{\s*([a-zA-Z_]+(?:\.[a-zA-Z_]+)*)\s*\}\}/g;

export interface MacroContext {
  customer: { name: string | null; email: string | null } | null;
  ticket: { number: string; subject: string; status: string; priority: string };
  agent: { name: string; email: string };
}

/** The placeholders a body names that are not known, in order, once each. */
export function unknownPlaceholders(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(PATTERN)) {
    const name = m[1].toLowerCase();
    if (!(PLACEHOLDERS as readonly string[]).includes(name) && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

const firstWord = (s: string) => s.trim().split(/\s+/)[0] ?? "";

function values(c: MacroContext): Record<Placeholder, string> {
  const customerName = c.customer?.name?.trim() || c.customer?.email || "";
  const agentName = c.agent.name.trim() || c.agent.email;
  return {
    "customer.name": customerName,
    "customer.first_name": c.customer?.name?.trim() ? firstWord(c.customer.name) : customerName,
    "customer.email": c.customer?.email ?? "",
    "ticket.number": c.ticket.number,
    "ticket.subject": c.ticket.subject,
    "ticket.status": c.ticket.status.replace(/_/g, " "),
    "ticket.priority": c.ticket.priority,
    "agent.name": agentName,
    "agent.first_name": c.agent.name.trim() ? firstWord(c.agent.name) : agentName,
    "agent.email": c.agent.email,
  };
}

/** The body with every known placeholder filled; unknown ones are left as written. */
export function renderMacro(body: string, c: MacroContext): string {
  const v = values(c);
  return body.replace(PATTERN, (whole, name: string) => v[name.toLowerCase() as Placeholder] ?? whole);
}
