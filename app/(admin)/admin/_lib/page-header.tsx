/** The title bar every admin page starts with (the agent pages' header, same look). */
export function AdminPageHeader({ title, description }: { title: string; description: string }) {
  return (
    <header className="border-b border-slate-200 bg-white px-6 py-4">
      <h1 className="text-lg font-semibold tracking-tight text-slate-900">{title}</h1>
      <p className="text-xs text-slate-500">{description}</p>
    </header>
  );
}
