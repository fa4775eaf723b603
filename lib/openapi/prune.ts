type Json = Record<string, unknown>;

/**
 * Drops named schemas nothing refers to. Query schemas are registered by name for reuse but
 * appear in the document as separate parameters, so their components would only be noise
 * (and a lint warning).
 */
export function pruneUnusedSchemas<D extends { paths: Json; components: { schemas: Record<string, Json> } & Json }>(doc: D): D {
  const schemas = doc.components.schemas;
  const used = new Set<string>();
  const PREFIX = "#/components/schemas/";
  const pending: unknown[] = [doc.paths, ...Object.entries(doc.components).filter(([k]) => k !== "schemas").map(([, v]) => v)];
  while (pending.length) {
    const v = pending.pop();
    if (Array.isArray(v)) pending.push(...v);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "$ref" && typeof x === "string" && x.startsWith(PREFIX)) {
          const name = x.slice(PREFIX.length);
          if (!used.has(name)) {
            used.add(name);
            pending.push(schemas[name]);
          }
        } else pending.push(x);
      }
    }
  }
  doc.components.schemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return doc;
}
