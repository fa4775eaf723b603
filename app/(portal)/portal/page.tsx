import type { Metadata } from "next";
import Link from "next/link";
import { requireCustomerPage } from "./_lib/require-customer";
import { loadMyTickets } from "./_lib/portal-data";
import { MyTicketList } from "./my-ticket-list";

export const metadata: Metadata = { title: "My tickets" };
export const dynamic = "force-dynamic";

export default async function MyTicketsPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  const actor = await requireCustomerPage("/portal/");
  const raw = (await searchParams).cursor;
  const cursor = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  const initial = await loadMyTickets(actor, cursor);
  return (
    <main>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">My tickets</h1>
          <p className="mt-1 text-sm text-slate-600">Hi {actor.name || actor.email}, here is every request you have sent us.</p>
        </div>
        <Link href="/portal/tickets/new/" className="inline-flex items-center gap-1.5 rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">
          <span aria-hidden="true" className="text-base leading-none">+</span> New ticket
        </Link>
      </div>
      <MyTicketList cursor={cursor ?? ""} renderedAt={Date.now()} initial={initial} />
    </main>
  );
}
