// The shapes of bearer token the one-query path reads itself
// (src/auth/bearer-session.ts); anything else is left to better-auth.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bearerSessionToken } from "@/auth/bearer-session";

const SECRET = "unit-test-secret";
const sign = (value: string, secret = SECRET) => `${value}.${createHmac("sha256", secret).update(value).digest("base64")}`;
const read = (authorization: string) => bearerSessionToken(new Headers({ authorization }), SECRET);

describe("bearerSessionToken", () => {
  it("reads an unsigned token, and a signed one as sent or URI-encoded, in any case of the scheme", () => {
    expect(read("Bearer abcDEF123")).toBe("abcDEF123");
    expect(read("bearer abcDEF123")).toBe("abcDEF123");
    expect(read(`Bearer ${sign("abcDEF123")}`)).toBe("abcDEF123");
    expect(read(`BEARER ${encodeURIComponent(sign("abcDEF123"))}`)).toBe("abcDEF123");
  });

  it("leaves everything else to better-auth", () => {
    const signed = sign("abcDEF123");
    for (const header of [
      "Basic abcDEF123",
      "Bearer ",
      "Bearer abc%41",
      `Bearer ${sign("abcDEF123", "other-secret")}`,
      `Bearer ${signed.slice(0, -2)}A=`,
      `Bearer ${signed}.more`,
      `Bearer x.${signed}`,
      `Bearer ${signed.replace(/=$/, "")}`,
      "Bearer abc.%E0%A4%A",
    ]) {
      expect(read(header), header).toBeUndefined();
    }
    expect(bearerSessionToken(new Headers(), SECRET)).toBeUndefined();
  });
});
