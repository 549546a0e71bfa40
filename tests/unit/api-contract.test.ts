// The contract check the HTTP tests run on every answer (tests/helpers/api-contract.ts)
// refuses what the API reference does not describe, and accepts what it does.
import { describe, expect, it } from "vitest";
import { contractViolation, documentedOperation } from "../helpers/api-contract";

const url = (path: string) => new URL(path, "http://127.0.0.1");
const json = "application/json";
const session = {
  id: "s1",
  startsAt: "2030-03-05T09:00:00.000Z",
  endsAt: "2030-03-05T10:00:00.000Z",
  status: "scheduled",
  coach: { id: "c1", name: "Cora", timezone: "Europe/Paris" },
  member: { id: "m1", name: "Mia" },
  title: null,
  recurringBookingId: null,
  oneTimeBookingId: "b1",
  cancellationReason: null,
  cancelledAt: null,
};

describe("the API contract check", () => {
  it("finds the operation a path reaches, literal segments before parameters", () => {
    expect(documentedOperation("POST", "/api/v1/sessions/abc/cancel")?.template).toBe("/api/v1/sessions/{id}/cancel");
    expect(documentedOperation("GET", "/member")).toBeUndefined();
  });

  it("accepts a documented answer", () => {
    expect(contractViolation("POST", url("/api/v1/sessions/s1/cancel"), 200, json, JSON.stringify({ session }))).toBeUndefined();
    expect(contractViolation("GET", url("/api/v1/sessions?from=2030-01-01"), 401, json, JSON.stringify({ error: { code: "unauthenticated", message: "Sign in first" } }))).toBeUndefined();
  });

  it("refuses a status the operation does not list, a field too many or missing, a wrong type, and a body that is not JSON", () => {
    expect(contractViolation("GET", url("/api/v1/coaches"), 418, json, "{}")).toMatch(/does not list/);
    expect(contractViolation("POST", url("/api/v1/sessions/s1/cancel"), 200, json, JSON.stringify({ session: { ...session, secret: 1 } }))).toMatch(/additional/);
    const { status: _status, ...withoutStatus } = session;
    expect(contractViolation("POST", url("/api/v1/sessions/s1/cancel"), 200, json, JSON.stringify({ session: withoutStatus }))).toMatch(/status/);
    expect(contractViolation("POST", url("/api/v1/sessions/s1/cancel"), 200, json, JSON.stringify({ session: { ...session, startsAt: 5 } }))).toMatch(/startsAt/);
    expect(contractViolation("POST", url("/api/v1/sessions/s1/cancel"), 200, "text/html", "<html>")).toMatch(/not JSON/);
  });
});
