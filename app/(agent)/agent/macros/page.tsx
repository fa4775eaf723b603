import type { Metadata } from "next";
import { requireAgentPage } from "../_lib/require-agent";
import { listAgents } from "@/lib/domain/users/list-agents";
import { PLACEHOLDERS } from "@/lib/domain/macros/render-macro";
import { MacroManager } from "./macro-manager";

export const metadata: Metadata = { title: "Macros" };
export const dynamic = "force-dynamic";

/** Macros: the agent's personal ones and the team's shared ones, through the macros API. */
export default async function MacrosPage() {
  const actor = await requireAgentPage("/agent/macros/");
  const agents = await listAgents(actor);
  return (
    <main>
      <header className="border-b border-slate-200 bg-white px-6 py-4">
        <h1 className="text-lg font-semibold tracking-tight text-slate-900">Macros</h1>
        <p className="text-xs text-slate-600">Reply templates that can also set status, priority, assignee and tags. Type / or # in a reply to use one.</p>
      </header>
      <div className="max-w-4xl px-6 py-6">
        <MacroManager agents={agents.filter((a) => !a.deactivated).map((a) => ({ id: a.id, name: a.name || a.email }))}
          placeholders={[...PLACEHOLDERS]} />
      </div>
    </main>
  );
}
