// The one password rule (src/auth/password-policy.ts): length bounds, the
// common-password list (also with trailing digits and symbols stripped),
// repetition, and the account's own e-mail.
import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/auth/password-policy";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/domain/limits";

describe("passwordProblem", () => {
  it.each([
    ["short1234", /At least 10/],
    ["x".repeat(MAX_PASSWORD_LENGTH + 1), /At most 128/],
    ["aaaaaaaaaa", /repeated/],
    ["abcabcabcabc", /repeated/],
    ["zzzzzzzzzQ", /repeated/],
    ["1234567890", /common/],
    ["password123", /common/],
    ["Password123!", /common/],
    ["qwertyuiop", /common/],
    ["sunshine!!", /common/],
    ["iloveyou2024", /common/],
  ])("refuses %j", (password, reason) => {
    expect(passwordProblem(password)).toMatch(reason);
  });

  it("refuses the account's own e-mail, whole or its local part", () => {
    expect(passwordProblem("mia.member@example.com", { email: "mia.member@example.com" })).toMatch(/e-mail/);
    expect(passwordProblem("MIA.MEMBER", { email: "mia.member@example.com" })).toMatch(/e-mail/);
    expect(passwordProblem("mia.member!!", { email: "mia.member@example.com" })).toMatch(/e-mail/);
  });

  it.each(["correct horse battery", "coachbook-member", "a-good-password", "Tr0ub4dor&3-xyz", "mauve-kettle-42"])(
    "accepts %j",
    (password) => {
      expect(passwordProblem(password, { email: "someone@example.com" })).toBeNull();
    },
  );

  it("accepts exactly the bounds", () => {
    expect(passwordProblem("kq8#vLm2p!".slice(0, MIN_PASSWORD_LENGTH))).toBeNull();
    expect(passwordProblem("kq8#vLm2p!zX".repeat(11).slice(0, MAX_PASSWORD_LENGTH))).toBeNull();
  });
});
