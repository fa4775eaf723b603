import { Avatar } from "@/components/badges";

/** The dark sidebar's top line in the staff areas: logo, name and which area this is. */
export function SidebarBrand({ area }: { area: string }) {
  return (
    <div className="flex items-center gap-2.5 px-4 py-4">
      <span aria-hidden="true" className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-500 text-sm font-bold text-white">C</span>
      <span className="text-[15px] font-semibold tracking-tight text-white">Caseflow</span>
      <span className="ml-auto rounded bg-slate-800 px-1.5 py-0.5 text-[10px] font-medium uppercase tracking-wide text-slate-400">{area}</span>
    </div>
  );
}

/** The sidebar's foot in the staff areas: who is signed in, their profile, and the way out. */
export function SidebarUser({ name, email }: { name: string; email: string }) {
  return (
    <div className="mt-auto hidden items-center gap-2.5 border-t border-slate-800 px-4 py-3 lg:flex">
      <Avatar name={name || email} size="sm" />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-white">{name || email}</p>
        <p className="truncate text-xs text-slate-400">{email}</p>
      </div>
      <a href="/profile/" className="rounded px-1.5 py-1 text-xs text-slate-400 hover:bg-slate-800 hover:text-white">Profile</a>
      <a href="/signout/" className="rounded px-1.5 py-1 text-xs text-slate-400 hover:bg-slate-800 hover:text-white">Sign out</a>
    </div>
  );
}
