/**
 * Grey placeholder shapes for loading.tsx files: the page's layout appears at once while the
 * server renders the data, so a slow query shows where things will be instead of a frozen link.
 */
export function Bone({ className = "" }: { className?: string }) {
  return <span aria-hidden="true" className={`block animate-pulse rounded bg-slate-200 ${className}`} />;
}

/** The wrapper every skeleton uses: one polite "Loading…" for screen readers, shapes hidden. */
export function SkeletonPage({ label, className = "", children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true" data-testid="skeleton" className={className}>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}
