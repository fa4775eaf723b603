/**
 * A ticket's ETag names its edit version: it changes whenever a ticket field changes (not on
 * read markers). Clients send it back in If-Match to refuse overwriting someone else's edit.
 */
export function ticketEtag(t: { id: string; version: number }): string {
  return `"${t.id.slice(0, 8)}-v${t.version}"`;
}

export function etagMatches(header: string, t: { id: string; version: number }): boolean {
  const tag = ticketEtag(t);
  return header
    .split(",")
    .map((s) => s.trim().replace(/^W\//, ""))
    .some((s) => s === "*" || s === tag);
}
