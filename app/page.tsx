import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/policy";

export const dynamic = "force-dynamic";

export default async function Home() {
  const actor = await currentActor();
  if (!actor) redirect("/signin/");
  redirect(can(actor, "queue:view") ? "/agent/" : "/portal/");
}
