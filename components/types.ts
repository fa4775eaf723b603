import type { serializeEvent, serializeMessage, serializeTicket } from "@/lib/api/support/serialize";

/** The REST API's output shapes, which server pages also hand to client components. */
export type ApiTicket = ReturnType<typeof serializeTicket>;
export type ApiMessage = ReturnType<typeof serializeMessage>;
export type ApiEvent = ReturnType<typeof serializeEvent>;
export interface ApiPage<T> {
  next: string | null;
  previous: string | null;
  results: T[];
}
