import Link from "next/link";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/domain/actor";
import { can } from "@/lib/domain/policy";
import { devMailboxAccess, getLocalMail, listLocalMail } from "@/lib/notifications/dev-mailbox";
import { replyAsCustomerAction } from "./actions";

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/**
 * Mail delivered by the local transport (MAIL_TRANSPORT=local), newest first, with a viewer.
 * It holds every customer's mail, so in every mode only agents see it: anyone else gets the
 * same 404 as for a page that does not exist.
 */
export async function DevMailbox({ actor, query }: { actor: Actor | null; query: { id?: string; view?: string; replied?: string } }) {
  if (devMailboxAccess() === "off") notFound();
  if (!actor || !can(actor, "queue:view")) notFound();
  const { id, view } = query;
  const [mails, selected] = await Promise.all([listLocalMail(), getLocalMail(id)]);
  const asText = view === "text";

  return (
    <main className="mx-auto flex h-screen max-w-7xl flex-col gap-4 p-4 lg:p-6">
      <header className="flex items-baseline justify-between">
        <h1 className="text-lg font-semibold">Dev mailbox</h1>
        <p className="text-sm text-slate-500">
          Mail sent with the local transport · {mails.length === 100 ? "latest 100" : `${mails.length} messages`}
        </p>
      </header>
      <div className="grid min-h-0 flex-1 gap-4 lg:grid-cols-[22rem_1fr]">
        <nav aria-label="Messages" className="min-h-0 overflow-y-auto rounded-lg border border-slate-200 bg-white">
          {mails.length === 0 ? (
            <p className="p-6 text-sm text-slate-500">
              No mail yet. Notifications appear here a few seconds after a reply or status change.
            </p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {mails.map((m) => (
                <li key={m.id}>
                  <Link
                    href={`/dev/mailbox/?id=${m.id}`}
                    aria-current={m.id === selected?.id ? "true" : undefined}
                    className="block px-4 py-3 hover:bg-slate-50 aria-[current=true]:bg-blue-50"
                  >
                    <span className="block truncate text-sm font-medium text-slate-900">{m.subject}</span>
                    <span className="mt-0.5 flex justify-between gap-2 text-xs text-slate-500">
                      <span className="truncate">{m.to}</span>
                      <time dateTime={m.createdAt.toISOString()} className="shrink-0">
                        {when.format(m.createdAt)}
                      </time>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <section className="flex min-h-0 flex-col rounded-lg border border-slate-200 bg-white">
          {selected ? (
            <>
              <div className="border-b border-slate-200 px-5 py-4">
                <h2 className="text-base font-semibold text-slate-900">{selected.subject}</h2>
                <dl className="mt-2 grid grid-cols-[4rem_1fr] gap-y-1 text-sm">
                  <dt className="text-slate-500">From</dt>
                  <dd>{selected.from}</dd>
                  <dt className="text-slate-500">To</dt>
                  <dd>{selected.to}</dd>
                  <dt className="text-slate-500">Date</dt>
                  <dd>{when.format(selected.createdAt)} UTC</dd>
                </dl>
                <div className="mt-3 flex gap-1 text-sm" role="tablist">
                  <Link
                    role="tab"
                    aria-selected={!asText}
                    href={`/dev/mailbox/?id=${selected.id}`}
                    className="rounded-md px-3 py-1 aria-selected:bg-slate-900 aria-selected:text-white"
                  >
                    HTML
                  </Link>
                  <Link
                    role="tab"
                    aria-selected={asText}
                    href={`/dev/mailbox/?id=${selected.id}&view=text`}
                    className="rounded-md px-3 py-1 aria-selected:bg-slate-900 aria-selected:text-white"
                  >
                    Plain text
                  </Link>
                </div>
                {/* Feeds a reply through the inbound email pipeline, as the recipient's mail client would. */}
                <form action={replyAsCustomerAction} className="mt-3 flex flex-col gap-2 text-sm">
                  <input type="hidden" name="id" value={selected.id} />
                  <label htmlFor="reply-text" className="text-slate-500">Reply as {selected.to}</label>
                  <textarea id="reply-text" name="text" rows={2} required className="rounded-md border border-slate-300 p-2" />
                  <div className="flex items-center gap-3">
                    <button type="submit" className="rounded-md bg-slate-900 px-3 py-1 text-white">Reply as the customer</button>
                    {query.replied ? <span role="status" className="text-slate-600">Inbound: {query.replied}</span> : null}
                  </div>
                </form>
              </div>
              {asText ? (
                <pre className="min-h-0 flex-1 overflow-auto whitespace-pre-wrap p-5 font-mono text-sm text-slate-800">{selected.text}</pre>
              ) : (
                // sandbox="" : the mail's HTML runs no scripts and cannot reach this page.
                <iframe title="Email preview" sandbox="" srcDoc={selected.html} className="min-h-[32rem] w-full flex-1 rounded-b-lg" />
              )}
            </>
          ) : (
            <p className="m-auto p-6 text-sm text-slate-500">Select a message to read it.</p>
          )}
        </section>
      </div>
    </main>
  );
}
