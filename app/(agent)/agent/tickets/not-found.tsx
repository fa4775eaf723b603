import Link from "next/link";

export default function TicketNotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-1 text-xl font-semibold text-slate-900">Ticket not found</h1>
      <p className="mt-1 text-sm text-slate-600">It may have been deleted, or the link is mistyped.</p>
      <Link href="/agent/" className="mt-5 rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">Back to the queue</Link>
    </main>
  );
}
