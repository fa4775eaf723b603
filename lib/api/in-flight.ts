/**
 * How many API requests this process is serving right now (lib/api/handler.ts counts them
 * from entry until the handler returns its Response), so background work that shares the
 * event loop, the outbox worker above all, can step aside for them: rendering a mail is a few
 * milliseconds of synchronous CPU that a request arriving meanwhile would otherwise wait out.
 * On globalThis: Next loads instrumentation.ts (which starts the workers) and the routes as
 * separate module graphs, and both must see one counter.
 */
const g = globalThis as unknown as { __caseflowInFlight?: { n: number } };
const state = (g.__caseflowInFlight ??= { n: 0 });

export function requestStarted(): void {
  state.n++;
}

export function requestEnded(): void {
  state.n = Math.max(0, state.n - 1);
}

export function requestsInFlight(): number {
  return state.n;
}

/** Background work never gives up more than this per step: under constant load it still runs. */
export const MAX_YIELD_MS = 50;

/**
 * The pause a background task takes after a step that kept the event loop `spentMs`: none
 * when no request is being served, three times the step while one is (so the task takes at
 * most a quarter of a busy process's time), capped at MAX_YIELD_MS.
 */
export function yieldMs(spentMs: number, inFlight = requestsInFlight()): number {
  if (inFlight === 0) return 0;
  return Math.min(MAX_YIELD_MS, Math.max(1, Math.ceil(spentMs * 3)));
}
