import type { NextRequest } from "next/server";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { requestUserId } from "@/lib/auth/request-actor";
import { clientAddress } from "./client-address";
import { createLimiter, type RateLimitStoreKind } from "./rate-limit-store";

/**
 * API rate limits, counted per signed-in user and per client address over a fixed window.
 * Every request counts against `requests`; unsafe methods also against the lower `writes`,
 * multipart uploads also against `uploads`, sign-in attempts against `signin`, and the
 * self-service account endpoints (sign-up, verify, reset, magic link) against `account`, and
 * anonymous ticket submissions (the public ticket form) against `public`.
 * A request is refused (429) when any of its counters is past its limit.
 *
 * The defaults (per 10-minute window) are far above what a person at a desk does, so they
 * only stop runaway scripts and floods: a long window lets a burst of a few thousand requests
 * through (a bulk import, a test suite) while capping what one account can do for minutes on
 * end. The address limits are higher than the user ones because a whole office can sit
 * behind one address.
 */
export type Category = "requests" | "writes" | "uploads" | "signin" | "account" | "public";
type Scope = "user" | "address";

export interface RateLimitConfig {
  store: RateLimitStoreKind;
  redisUrl?: string;
  windowSeconds: number;
  /** Requests per window; 0 switches that limit off. */
  limits: Record<Category, Record<Scope, number>>;
}

const DEFAULT_WINDOW_SECONDS = 600;
const DEFAULTS: RateLimitConfig["limits"] = {
  requests: { user: 6000, address: 24000 },
  writes: { user: 3000, address: 12000 },
  uploads: { user: 600, address: 2400 },
  signin: { user: 0, address: 300 },
  // Sign-up, email verification, password reset and magic links: each can send an email.
  account: { user: 0, address: 60 },
  // The public ticket form: each submission opens a ticket in front of agents.
  public: { user: 0, address: 20 },
};

export function rateLimitConfig(env: NodeJS.ProcessEnv = process.env): RateLimitConfig {
  const int = (v: string | undefined, d: number) => {
    const n = Number(v);
    return v !== undefined && v.trim() !== "" && Number.isInteger(n) && n >= 0 ? n : d;
  };
  const store = (env.RATE_LIMIT_STORE ?? "memory").trim().toLowerCase();
  if (!["memory", "postgres", "redis", "off"].includes(store)) {
    throw new Error(`RATE_LIMIT_STORE must be memory, postgres, redis or off (got "${store}").`);
  }
  const limits = {} as RateLimitConfig["limits"];
  for (const [cat, d] of Object.entries(DEFAULTS) as [Category, Record<Scope, number>][]) {
    const C = cat.toUpperCase();
    limits[cat] = { user: int(env[`RATE_LIMIT_${C}_USER`], d.user), address: int(env[`RATE_LIMIT_${C}_ADDRESS`], d.address) };
  }
  return {
    store: store as RateLimitStoreKind,
    redisUrl: env.REDIS_URL?.trim() || undefined,
    windowSeconds: Math.max(1, int(env.RATE_LIMIT_WINDOW_SECONDS, DEFAULT_WINDOW_SECONDS)),
    limits,
  };
}

export interface RateLimitSubject {
  userId: string | null;
  address: string | null;
  categories: Category[];
}

export interface RateLimitOutcome {
  /** RateLimit-Limit / -Remaining / -Reset of the counter closest to its limit; empty when none applied. */
  headers: Record<string, string>;
  /** Seconds until the request would be allowed, when it is refused. */
  retryAfterSeconds: number | null;
}

interface Counted {
  limit: number;
  res: RateLimiterRes;
  refused: boolean;
}

/** One app instance's limiter. With a shared store, instances built on one database share counts. */
export class ApiRateLimiter {
  private limiters: Promise<Map<string, RateLimiterAbstract>> | undefined;

  constructor(readonly config: RateLimitConfig) {}

  private build(): Promise<Map<string, RateLimiterAbstract>> {
    this.limiters ??= (async () => {
      const map = new Map<string, RateLimiterAbstract>();
      if (this.config.store === "off") return map;
      for (const [cat, scopes] of Object.entries(this.config.limits)) {
        for (const [scope, points] of Object.entries(scopes)) {
          if (points <= 0) continue;
          const spec = { name: `${cat}:${scope}`, points, durationSeconds: this.config.windowSeconds };
          map.set(spec.name, await createLimiter(spec, { kind: this.config.store as Exclude<RateLimitStoreKind, "off">, redisUrl: this.config.redisUrl }));
        }
      }
      return map;
    })();
    return this.limiters;
  }

  async check(subject: RateLimitSubject): Promise<RateLimitOutcome> {
    const limiters = await this.build();
    const jobs: Promise<Counted>[] = [];
    for (const cat of subject.categories) {
      for (const [scope, id] of [["user", subject.userId], ["address", subject.address]] as const) {
        const limiter = id ? limiters.get(`${cat}:${scope}`) : undefined;
        if (!limiter || !id) continue;
        jobs.push(
          limiter.consume(id).then(
            (res) => ({ limit: limiter.points, res, refused: false }),
            (rej: unknown) => {
              if (rej instanceof RateLimiterRes) return { limit: limiter.points, res: rej, refused: true };
              throw rej; // a store error without insurance: let the edge report it
            },
          ),
        );
      }
    }
    const counted = await Promise.all(jobs);
    if (counted.length === 0) return { headers: {}, retryAfterSeconds: null };
    const seconds = (c: Counted) => Math.max(1, Math.ceil(c.res.msBeforeNext / 1000));
    const refused = counted.filter((c) => c.refused);
    // Report the counter that will hold the client back longest (refused), else the one with
    // the fewest requests left, so a client pacing itself by the headers never hits a 429.
    const binding = (refused.length ? refused : counted).reduce((a, b) => {
      if (refused.length) return seconds(b) > seconds(a) ? b : a;
      const ra = a.res.remainingPoints, rb = b.res.remainingPoints;
      return rb < ra || (rb === ra && seconds(b) > seconds(a)) ? b : a;
    });
    return {
      headers: {
        "RateLimit-Limit": String(binding.limit),
        "RateLimit-Remaining": String(Math.max(0, binding.res.remainingPoints)),
        "RateLimit-Reset": String(seconds(binding)),
      },
      retryAfterSeconds: refused.length ? seconds(binding) : null,
    };
  }
}

const g = globalThis as unknown as { __caseflowRateLimiter?: { key: string; limiter: ApiRateLimiter } };

/** This process's limiter; rebuilt when its configuration changes (tests change the env). */
export function apiRateLimiter(): ApiRateLimiter {
  const config = rateLimitConfig();
  const key = JSON.stringify(config);
  if (g.__caseflowRateLimiter?.key !== key) g.__caseflowRateLimiter = { key, limiter: new ApiRateLimiter(config) };
  return g.__caseflowRateLimiter.limiter;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** Which counters a request uses, and whose. */
export async function rateLimitSubject(req: NextRequest, opts: { signin?: boolean; account?: boolean; publicForm?: boolean } = {}): Promise<RateLimitSubject> {
  const categories: Category[] = ["requests"];
  if (isUnsafeMethod(req.method)) {
    categories.push("writes");
    const type = (req.headers.get("content-type") ?? "").toLowerCase();
    if (type.startsWith("multipart/form-data")) categories.push("uploads");
    if (opts.signin) categories.push("signin");
    if (opts.account) categories.push("account");
    if (opts.publicForm) categories.push("public");
  }
  return { userId: await requestUserId(req), address: clientAddress(req.headers), categories };
}
