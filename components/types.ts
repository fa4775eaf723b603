import type { components } from "@/lib/api-client/schema";
import type { serializeMessage, serializeTicket } from "@/lib/api/support/serialize";

/** The REST API's output shapes, which server pages also hand to client components. */
export type ApiTicket = ReturnType<typeof serializeTicket>;
export type ApiMessage = ReturnType<typeof serializeMessage>;
/** The contract's type: the serializer's is looser (any JSON in `data`, a nullable timestamp). */
export type ApiEvent = components["schemas"]["SupportEvent"];
export interface ApiPage<T> {
  next: string | null;
  previous: string | null;
  results: T[];
}
