import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { NotFoundError, ValidationError } from "../errors";
import { assertCan } from "../policy";
import { MAX_VIEWS_PER_OWNER, viewSelect, viewsVisibleTo, type ViewInput, type ViewRow } from "./view-select";

type Tx = Prisma.TransactionClient;

function cleanName(name: string): string {
  const n = name.trim();
  if (!n) throw ValidationError.field("name", "This field may not be blank.");
  if (n.length > 100) throw ValidationError.field("name", "Ensure this field has no more than 100 characters.");
  return n;
}

function cleanQuery(query: string): string {
  const q = query.replace(/^\?/, "");
  if (q.length > 2000) throw ValidationError.field("query", "Ensure this field has no more than 2000 characters.");
  return q;
}

/** The team a shared view goes to: the owner's. An agent outside every team cannot share. */
function teamFor(shared: boolean, teamId: string | null): string | null {
  if (!shared) return null;
  if (!teamId) throw ValidationError.field("shared", "You are not in a team, so there is no one to share this view with.");
  return teamId;
}

/** Renumber the owner's views 0..n-1 with `id` moved to `to` (clamped). Serialized per owner by the row lock. */
async function move(tx: Tx, ownerId: string, id: string, to: number) {
  await tx.$queryRaw`SELECT id FROM users WHERE id = ${ownerId}::uuid FOR UPDATE`;
  const rows = await tx.savedView.findMany({ where: { ownerId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, position: true } });
  const rest = rows.filter((r) => r.id !== id);
  const at = Math.max(0, Math.min(rest.length, to));
  const order = [...rest.slice(0, at), { id, position: -1 }, ...rest.slice(at)];
  for (const [i, r] of order.entries()) {
    if (r.position !== i) await tx.savedView.update({ where: { id: r.id }, data: { position: i } });
  }
}

/** A new view owned by the actor, last in their list: personal unless `shared` (with their team). */
export async function createView(actor: Actor, input: ViewInput & { name: string; query: string }): Promise<ViewRow> {
  assertCan(actor, "saved-view:use", {}, "Only support agents have saved views.");
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${actor.id}::uuid FOR UPDATE`;
    const count = await tx.savedView.count({ where: { ownerId: actor.id } });
    if (count >= MAX_VIEWS_PER_OWNER) throw ValidationError.field("non_field_errors", `You already have ${MAX_VIEWS_PER_OWNER} saved views; delete one first.`);
    const v = await tx.savedView.create({
      data: { ownerId: actor.id, name: cleanName(input.name), query: cleanQuery(input.query), teamId: teamFor(!!input.shared, actor.teamId), position: count },
      select: { id: true },
    });
    if (input.position !== undefined) await move(tx, actor.id, v.id, input.position);
    return tx.savedView.findUniqueOrThrow({ where: { id: v.id }, select: viewSelect });
  });
}

/** Rename, re-filter, share or unshare, or move a view the actor sees (404) and may edit (403). */
export async function updateView(actor: Actor, id: string, input: ViewInput): Promise<ViewRow> {
  assertCan(actor, "saved-view:use", {}, "Only support agents have saved views.");
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const cur = await tx.savedView.findFirst({ where: { id, ...viewsVisibleTo(actor) }, select: { ...viewSelect, owner: { select: { teamId: true } } } });
    if (!cur) throw new NotFoundError();
    assertCan(actor, "saved-view:edit", { view: cur }, "Only its creator or an admin can change a shared view.");
    const data: Prisma.SavedViewUncheckedUpdateInput = {};
    if (input.name !== undefined) data.name = cleanName(input.name);
    if (input.query !== undefined) data.query = cleanQuery(input.query);
    // Sharing goes to the owner's team (an admin tidying a colleague's view keeps it there).
    if (input.shared !== undefined) data.teamId = input.shared ? (cur.teamId ?? teamFor(true, cur.owner.teamId)) : null;
    if (Object.keys(data).length) await tx.savedView.update({ where: { id }, data: { ...data, updatedAt: new Date() } });
    if (input.position !== undefined) await move(tx, cur.ownerId, id, input.position);
    return tx.savedView.findUniqueOrThrow({ where: { id }, select: viewSelect });
  });
}

export async function deleteView(actor: Actor, id: string): Promise<void> {
  assertCan(actor, "saved-view:use", {}, "Only support agents have saved views.");
  const prisma = await db();
  await withTransaction(prisma, async (tx) => {
    const cur = await tx.savedView.findFirst({ where: { id, ...viewsVisibleTo(actor) }, select: { ownerId: true, teamId: true } });
    if (!cur) throw new NotFoundError();
    assertCan(actor, "saved-view:edit", { view: cur }, "Only its creator or an admin can delete a shared view.");
    await tx.savedView.deleteMany({ where: { id } });
    // Close the gap so the owner's positions stay 0..n-1.
    await tx.$executeRaw`UPDATE saved_views s SET position = r.rn - 1
      FROM (SELECT id, row_number() OVER (ORDER BY position, id) AS rn FROM saved_views WHERE owner_id = ${cur.ownerId}::uuid) r
      WHERE s.id = r.id AND s.position <> r.rn - 1`;
  });
}

export async function getView(actor: Actor, id: string): Promise<ViewRow> {
  assertCan(actor, "saved-view:use", {}, "Only support agents have saved views.");
  const prisma = await db();
  const v = await prisma.savedView.findFirst({ where: { id, ...viewsVisibleTo(actor) }, select: viewSelect });
  if (!v) throw new NotFoundError();
  return v;
}
