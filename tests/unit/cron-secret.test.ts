// The cron endpoint's secret check: only `Bearer <CRON_SECRET>` passes,
// compared in constant time, and nothing passes while the secret is unset.
import { describe, expect, it } from "vitest";
import { isAppError } from "@/domain/errors";
import { assertCronAuthorized, checkCronAuthorization, secretsMatch } from "@/server/cron-secret";

const SECRET = "s3cret-value-for-cron";

describe("checkCronAuthorization", () => {
  it("accepts the secret as a bearer token (scheme in any case, extra spaces)", () => {
    expect(checkCronAuthorization(`Bearer ${SECRET}`, SECRET)).toEqual({ ok: true });
    expect(checkCronAuthorization(`bearer ${SECRET}`, SECRET)).toEqual({ ok: true });
    expect(checkCronAuthorization(`  Bearer   ${SECRET}  `, SECRET)).toEqual({ ok: true });
  });

  it("refuses a missing header, another scheme, an empty token", () => {
    for (const header of [null, undefined, "", SECRET, `Basic ${SECRET}`, "Bearer", "Bearer ", "Bearer    "]) {
      expect(checkCronAuthorization(header, SECRET), String(header)).toEqual({ ok: false, reason: "missing" });
    }
  });

  it("refuses a wrong secret, a prefix of it and a longer one", () => {
    for (const token of ["nope", SECRET.slice(0, -1), `${SECRET}x`, SECRET.toUpperCase()]) {
      expect(checkCronAuthorization(`Bearer ${token}`, SECRET), token).toEqual({ ok: false, reason: "wrong" });
    }
  });

  it("fails closed when CRON_SECRET is unset or blank, whatever is sent", () => {
    for (const secret of [undefined, "", "   "]) {
      for (const header of [null, "Bearer ", "Bearer undefined", "Bearer null", "Bearer  ", `Bearer ${secret}`]) {
        expect(checkCronAuthorization(header, secret), `${secret}/${header}`).toEqual({
          ok: false,
          reason: "not_configured",
        });
      }
    }
  });
});

describe("secretsMatch", () => {
  it("is equality over strings of any lengths (SHA-256 digests, timingSafeEqual)", () => {
    expect(secretsMatch("a", "a")).toBe(true);
    expect(secretsMatch("a", "b")).toBe(false);
    expect(secretsMatch("", "a")).toBe(false);
    expect(secretsMatch("a".repeat(1000), "a")).toBe(false);
    expect(secretsMatch("é", "é")).toBe(true);
  });
});

describe("assertCronAuthorized", () => {
  it("throws a 401 AppError whose message never contains the secret or the token", () => {
    for (const [header, secret] of [
      ["Bearer wrong-token", SECRET],
      [null, SECRET],
      ["Bearer undefined", undefined],
    ] as const) {
      let thrown: unknown;
      try {
        assertCronAuthorized(header, secret);
      } catch (error) {
        thrown = error;
      }
      expect(isAppError(thrown)).toBe(true);
      if (!isAppError(thrown)) continue;
      expect(thrown.code).toBe("unauthenticated");
      expect(thrown.status).toBe(401);
      expect(thrown.message).not.toContain(SECRET);
      expect(thrown.message).not.toContain("wrong-token");
    }
    expect(() => assertCronAuthorized(`Bearer ${SECRET}`, SECRET)).not.toThrow();
  });

  it("says when the secret is not set, so an operator knows why", () => {
    expect(() => assertCronAuthorized(`Bearer x`, "")).toThrow(/CRON_SECRET is not set/);
  });
});
