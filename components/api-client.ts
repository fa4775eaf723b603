/**
 * Browser calls to the REST API (same origin; the next-auth session cookie authenticates).
 * Errors come back DRF-shaped: 400 {"field": ["msg"]}, others {"detail": "..."}; ApiError
 * keeps both so forms can show each message beside its field.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly fields: Record<string, string[]>,
    readonly detail: string | null,
  ) {
    super(detail ?? Object.values(fields).flat()[0] ?? `Request failed (${status}).`);
  }
  /** A field's messages, or undefined. */
  field(name: string): string | undefined {
    return this.fields[name]?.join(" ");
  }
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<{ data: T; headers: Headers }> {
  const headers = new Headers(init.headers);
  if (init.body && typeof init.body === "string") headers.set("content-type", "application/json");
  headers.set("accept", "application/json");
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, {}, "Could not reach the server. Check your connection and try again.");
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const obj = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
    if (typeof obj.detail === "string") throw new ApiError(res.status, {}, obj.detail);
    const fields: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(obj)) {
      fields[k] = Array.isArray(v) ? v.map(String) : [String(v)];
    }
    throw new ApiError(res.status, fields, Object.keys(fields).length ? null : `Request failed (${res.status}).`);
  }
  return { data: body as T, headers: res.headers };
}
