import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { NotFoundError, ValidationError } from "../errors";
import { assertCan } from "../policy";
import { assertAgentUser } from "../tickets/relations";
import { storableTags } from "../tickets/tags";
import { macroSelect, macrosVisibleTo, type MacroInput, type MacroRow } from "./macro-select";
import { PLACEHOLDERS, unknownPlaceholders } from "./render-macro";

type Tx = Prisma.TransactionClient;

/** The columns an input sets, validated (names trimmed, placeholders known, tags storable). */
async function columns(tx: Tx, input: MacroInput): Promise<Prisma.MacroUncheckedUpdateInput> {
  const data: Prisma.MacroUncheckedUpdateInput = {};
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (!name) throw ValidationError.field("name", "This field may not be blank.");
    data.name = name;
  }
  if (input.body !== undefined) {
    const unknown = unknownPlaceholders(input.body);
    if (unknown.length) {
      throw ValidationError.field("body", `Unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(", ")}. Known: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}.`);
    }
    data.body = input.body;
  }
  if (input.status !== undefined) data.status = input.status;
  if (input.priority !== undefined) data.priority = input.priority;
  if (input.assignTo !== undefined) {
    const a = input.assignTo;
    if (a !== null && a !== "me" && a !== "none") await assertAgentUser(tx, a, "assignTo");
    data.assignee = a === null ? null : a === "me" || a === "none" ? a : "user";
    data.assigneeId = a !== null && a !== "me" && a !== "none" ? a : null;
  }
  if (input.addTags !== undefined) data.addTags = storableTags(input.addTags, "addTags");
  if (input.removeTags !== undefined) data.removeTags = storableTags(input.removeTags, "removeTags");
  if (input.shared !== undefined) data.shared = input.shared;
  return data;
}

/** A macro must say or do something. */
function assertUseful(m: MacroRow) {
  const acts = m.status || m.priority || m.assignee || m.addTags.length || m.removeTags.length;
  if (!m.body.trim() && !acts) throw ValidationError.field("body", "A macro needs a body or at least one action.");
}

/** A new macro owned by the actor: personal unless `shared`. Agents only. */
export async function createMacro(actor: Actor, input: MacroInput & { name: string }): Promise<MacroRow> {
  assertCan(actor, "macro:use", {}, "Only support agents can use macros.");
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const data = await columns(tx, input);
    const m = await tx.macro.create({ data: { ...(data as Prisma.MacroUncheckedCreateInput), ownerId: actor.id }, select: macroSelect });
    assertUseful(m);
    return m;
  });
}

/** Edit a macro the actor may see (404 otherwise) and may edit (403 otherwise). */
export async function updateMacro(actor: Actor, id: string, input: MacroInput): Promise<MacroRow> {
  assertCan(actor, "macro:use", {}, "Only support agents can use macros.");
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const cur = await tx.macro.findFirst({ where: { id, ...macrosVisibleTo(actor) }, select: macroSelect });
    if (!cur) throw new NotFoundError();
    assertCan(actor, "macro:edit", { macro: cur }, "Only its creator or an admin can change a shared macro.");
    const data = await columns(tx, input);
    const m = await tx.macro.update({ where: { id }, data: { ...data, updatedAt: new Date() }, select: macroSelect });
    assertUseful(m);
    return m;
  });
}

export async function deleteMacro(actor: Actor, id: string): Promise<void> {
  assertCan(actor, "macro:use", {}, "Only support agents can use macros.");
  const prisma = await db();
  const cur = await prisma.macro.findFirst({ where: { id, ...macrosVisibleTo(actor) }, select: { ownerId: true, shared: true } });
  if (!cur) throw new NotFoundError();
  assertCan(actor, "macro:edit", { macro: cur }, "Only its creator or an admin can delete a shared macro.");
  await prisma.macro.deleteMany({ where: { id } });
}

export async function getMacro(actor: Actor, id: string): Promise<MacroRow> {
  assertCan(actor, "macro:use", {}, "Only support agents can use macros.");
  const prisma = await db();
  const m = await prisma.macro.findFirst({ where: { id, ...macrosVisibleTo(actor) }, select: macroSelect });
  if (!m) throw new NotFoundError();
  return m;
}
