import { describe, expect, it } from "vitest";
import { requestOrigin, USER_AGENT_MAX } from "./request-origin";

describe("requestOrigin", () => {
  it("takes the address only through trusted proxies, and caps the user agent", () => {
    const prev = process.env.TRUST_PROXY_HOPS;
    try {
      process.env.TRUST_PROXY_HOPS = "1";
      const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7", "user-agent": "x".repeat(2000) });
      const o = requestOrigin({ headers });
      expect(o.ip).toBe("203.0.113.7");
      expect(o.userAgent).toHaveLength(USER_AGENT_MAX);
      process.env.TRUST_PROXY_HOPS = "0";
      expect(requestOrigin({ headers }).ip).toBeNull();
    } finally {
      if (prev === undefined) delete process.env.TRUST_PROXY_HOPS;
      else process.env.TRUST_PROXY_HOPS = prev;
    }
  });

  it("reads next-auth's Node header record, and survives a missing request", () => {
    expect(requestOrigin({ headers: { "user-agent": "  Mozilla/5.0  " } })).toEqual({ ip: null, userAgent: "Mozilla/5.0" });
    expect(requestOrigin(undefined)).toEqual({ ip: null, userAgent: null });
    expect(requestOrigin({ headers: {} })).toEqual({ ip: null, userAgent: null });
  });
});
