/**
 * Which team a ticket goes to. Without an assignee, by category (unknown categories go to
 * Support); with one, the assignee's own team, else the team of their role.
 */
export const CATEGORY_TEAMS: Record<string, string> = {
  technical: "Tech",
  billing: "Finance",
  sales: "Sales",
  account: "Support",
  shipping: "Support",
  general: "Support",
};
export const DEFAULT_TEAM = "Support";

export const ROLE_TEAMS: Partial<Record<string, string>> = {
  customer_service: "Support",
  sales_manager: "Sales",
  admin: "Admin",
  super_admin: "Admin",
};

export function teamForCategory(category: string): string {
  return CATEGORY_TEAMS[category.trim().toLowerCase()] ?? DEFAULT_TEAM;
}
