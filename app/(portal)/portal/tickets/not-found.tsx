import Link from "next/link";

export default function PortalTicketNotFound() {
  return (
    <main className="rounded-2xl border border-slate-200 bg-white px-6 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-1 text-xl font-semibold text-slate-900">Ticket not found</h1>
      <p className="mt-1 text-sm text-slate-600">We could not find that ticket in your account. Check the link, or find it in your list.</p>
      <Link href="/portal/" className="mt-5 inline-block rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">Go to my tickets</Link>
    </main>
  );
}
