/** Saved views: each is only a query string, so they are ordinary bookmarkable URLs. */
export const VIEWS = [
  { key: "active", label: "All tickets", query: "" },
  { key: "mine", label: "Assigned to me", query: "assigned_to=me" },
  { key: "unassigned", label: "Unassigned", query: "assigned_to=none" },
  { key: "sla", label: "By SLA due", query: "ordering=sla_due_at" },
  // The SLA queue: breached tickets only, the most recently breached first.
  { key: "overdue", label: "SLA breaches", query: "sla_overdue=true&ordering=-sla_due_at" },
] as const;
