import { ValidationError } from "../errors";

/**
 * The CRM API reuses the support domain, whose validation errors name support fields. These
 * are renamed so a CRM client sees its own field names ({"due_date": [...]}, {"text": [...]}).
 */
const CRM_NAMES: Record<string, string> = { sla_due_at: "due_date", body: "text" };

export async function withCrmFieldNames<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    throw new ValidationError(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [CRM_NAMES[k] ?? k, v])));
  }
}
