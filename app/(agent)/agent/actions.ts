"use server";

import { currentActor } from "@/lib/auth/session";
import { NotAuthenticatedError, PermissionDeniedError } from "@/lib/domain/errors";
import { can } from "@/lib/domain/policy";
import { isUuid } from "@/lib/schemas/common";
import { lastValues, loadQueue, loadStats } from "./_lib/queue-data";
import { loadTicketView } from "./_lib/ticket-data";

/**
 * Reads for TanStack Query's polling. They return the page's own view models (tickets with
 * requester names), built by the same domain functions as the REST API; writes go through
 * the REST API itself so the If-Match precondition and DRF errors apply unchanged.
 */
async function agent() {
  const actor = await currentActor();
  if (!actor) throw new NotAuthenticatedError();
  if (!can(actor, "queue:view")) throw new PermissionDeniedError();
  return actor;
}

export async function refreshQueue(search: string) {
  const actor = await agent();
  const params = lastValues(Object.fromEntries(new URLSearchParams(search)));
  const [queue, stats] = await Promise.all([loadQueue(actor, params), loadStats(actor)]);
  return { queue, stats };
}

export async function refreshTicket(id: string) {
  const actor = await agent();
  if (!isUuid(id)) throw new PermissionDeniedError();
  return loadTicketView(actor, id.toLowerCase());
}
