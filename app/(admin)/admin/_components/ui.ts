/** Class names shared by the invitation, team and company admin pages. */
export const inputCls =
  "rounded-lg border border-slate-300 px-3 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none";
export const primaryBtn = "rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60";
export const secondaryBtn = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60";
export const dangerBtn = "rounded-md border border-red-200 bg-white px-2.5 py-1 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-60";
export const tableCls = "min-w-full divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white text-sm";
export const thCls = "px-4 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
export const tdCls = "px-4 py-2 align-top text-slate-800";
export const ROLE_LABELS: Record<string, string> = {
  customer_service: "Agent (customer service)",
  sales_manager: "Agent (sales)",
  admin: "Admin",
  super_admin: "Super admin",
};
