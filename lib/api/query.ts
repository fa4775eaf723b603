/**
 * Query-string parameters as a DRF backend reads them: Django's QueryDict.get keeps the last
 * value of a repeated parameter. Used by route handlers and page loaders alike.
 */
export function lastValues(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
  opts: { dropEmpty?: boolean } = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: [string, string | string[] | undefined][] =
    params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) {
    const last = Array.isArray(v) ? v[v.length - 1] : v;
    if (last !== undefined && !(opts.dropEmpty && last === "")) out[k] = last;
  }
  return out;
}
