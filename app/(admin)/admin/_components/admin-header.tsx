/** The title bar of an admin page. */
export function AdminHeader({ title, subtitle }: { title: string; subtitle: string }) {
  return (
    <header className="border-b border-slate-200 bg-white px-6 py-4">
      <h1 className="text-lg font-semibold tracking-tight text-slate-900">{title}</h1>
      <p className="text-xs text-slate-500">{subtitle}</p>
    </header>
  );
}
