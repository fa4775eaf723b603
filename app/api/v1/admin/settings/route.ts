import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { serializeSettings, settingsUpdateSchema } from "@/lib/api/admin/settings";
import { requestOrigin } from "@/lib/api/request-origin";
import { requireActor } from "@/lib/auth/request-actor";
import { assertSettingsAdmin, getSettingsFor } from "@/lib/domain/settings/get-settings";
import { updateSettings } from "@/lib/domain/settings/update-settings";

export const dynamic = "force-dynamic";

/** GET: every setting (stored or default). Admins only. */
export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  return json(serializeSettings((await getSettingsFor(actor)).values));
});

/** PATCH {setting: value, …} → every setting after the change. Admins only; audited. */
export const PATCH = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  assertSettingsAdmin(actor); // 403 before a word about the body
  const { data } = await readBody(req);
  return json(serializeSettings((await updateSettings(actor, settingsUpdateSchema.parse(data), requestOrigin(req))).values));
});

export const POST = methodNotAllowed(["GET", "PATCH"]);
export const PUT = POST;
export const DELETE = POST;
