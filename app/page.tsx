import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { isAgent } from "@/lib/domain/policy";

export const dynamic = "force-dynamic";

export default async function Home() {
  const actor = await currentActor();
  if (!actor) redirect("/signin/");
  redirect(isAgent(actor) ? "/agent/" : "/portal/");
}
