/**
 * Runs fn with some environment variables set (undefined removes one), then restores them.
 * The API reads its limits from the environment on each request, so this is how tests give
 * it low limits without touching the defaults every other test relies on.
 */
export async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const env = process.env as Record<string, string | undefined>;
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, env[k]]));
  const apply = (v: Record<string, string | undefined>) => {
    for (const [k, x] of Object.entries(v)) if (x === undefined) delete env[k]; else env[k] = x;
  };
  apply(vars);
  try {
    return await fn();
  } finally {
    apply(saved);
  }
}
