export function EmptyState({ title, children, action }: { title: string; children?: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center px-6 py-16 text-center">
      <div aria-hidden="true" className="mb-4 flex h-12 w-12 items-center justify-center rounded-full bg-slate-100 text-slate-400">
        <svg viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="1.5">
          <path d="M3 13h4l2 3h6l2-3h4M5 13l2-8h10l2 8v6H5z" strokeLinejoin="round" />
        </svg>
      </div>
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      {children && <div className="mt-1 max-w-sm text-sm text-slate-600">{children}</div>}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}
