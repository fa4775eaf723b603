import type { Metadata } from "next";
import Link from "next/link";
import { requireCustomerPage } from "../../_lib/require-customer";
import { listCustomerOrders } from "@/lib/domain/orders/list-customer-orders";
import { uploadLimits } from "@/lib/domain/attachments/uploads";
import { NewTicketForm } from "./new-ticket-form";

export const metadata: Metadata = { title: "New ticket" };
export const dynamic = "force-dynamic";

export default async function NewTicketPage() {
  const actor = await requireCustomerPage("/portal/tickets/new/");
  const orders = await listCustomerOrders(actor);
  const { maxFileBytes, maxFiles } = uploadLimits();
  return (
    <main className="mx-auto max-w-2xl">
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/portal/" className="text-slate-600 hover:text-slate-900 hover:underline">← My tickets</Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Open a ticket</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">Tell us what is going on. We usually reply within a business day.</p>
      <NewTicketForm orders={orders.map((o) => ({ id: o.id, label: `${o.number}${o.total ? ` · ${o.total} ${o.currency}` : ""} · ${o.status}` }))} limits={{ maxFileBytes, maxFiles }} />
    </main>
  );
}
