import { afterEach, describe, expect, it, vi } from "vitest";
import { signToken, verifyTokenClaims } from "./jwt";

/**
 * Verified tokens are remembered by their text until they expire (jwt.ts): the memory must
 * never make a token valid that jose would refuse.
 */
describe("token verification with remembered signatures", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it("refuses a remembered token once it has expired", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-06T06:00:00Z"), toFake: ["Date"] });
    vi.stubEnv("ACCESS_TOKEN_TTL_SECONDS", "60");
    const token = await signToken("8a8bb7cd-343a-a2ad-99b7-d762030857a2", "access");
    expect(await verifyTokenClaims(token, "access")).toMatchObject({ userId: "8a8bb7cd-343a-a2ad-99b7-d762030857a2" });
    vi.setSystemTime(new Date("2026-12-06T06:00:59Z"));
    expect(await verifyTokenClaims(token, "access")).not.toBeNull();
    vi.setSystemTime(new Date("2026-12-06T06:01:00Z"));
    expect(await verifyTokenClaims(token, "access")).toBeNull();
    // And stays refused (the expired entry is gone, jose refuses it again).
    expect(await verifyTokenClaims(token, "access")).toBeNull();
  });

  it("keeps the token type apart: a remembered access token is not a refresh token", async () => {
    const token = await signToken("0f3b8a2e-6f0e-4a53-9a55-6cf1f1b8f0aa", "access");
    expect(await verifyTokenClaims(token, "access")).not.toBeNull();
    expect(await verifyTokenClaims(token, "refresh")).toBeNull();
    expect(await verifyTokenClaims(token, "access")).not.toBeNull();
  });

  it("remembers only the exact text that verified: a changed signature or payload is checked, and refused", async () => {
    const token = await signToken("0f3b8a2e-6f0e-4a53-9a55-6cf1f1b8f0aa", "access");
    expect(await verifyTokenClaims(token, "access")).not.toBeNull();
    const [h, p, s] = token.split(".");
    const flipped = s.slice(0, -2) + (s.at(-2) === "A" ? "B" : "A") + s.at(-1);
    expect(await verifyTokenClaims(`${h}.${p}.${flipped}`, "access")).toBeNull();
    const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, "base64url").toString()), sub: "11111111-1111-4111-8111-111111111111" })).toString("base64url");
    expect(await verifyTokenClaims(`${h}.${other}.${s}`, "access")).toBeNull();
  });
});
