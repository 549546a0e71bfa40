// The session status state machine (DESIGN.md invariant 4), exhaustively:
// every pair of statuses is either in the table or refused.
import { describe, expect, it } from "vitest";
import { sessionStatus } from "@/db/schema";
import {
  allowedTransitions,
  canTransition,
  isFinal,
  sessionStatuses,
  statusesLeadingTo,
  transitionRefusal,
  type SessionStatus,
} from "@/domain/session-status";

const allowed: Array<[SessionStatus, SessionStatus]> = [
  ["scheduled", "completed"],
  ["scheduled", "cancelled"],
  ["scheduled", "no_show"],
  ["completed", "no_show"],
];

describe("session status state machine", () => {
  it("knows exactly the statuses of the database enum", () => {
    expect([...sessionStatuses]).toEqual(sessionStatus.enumValues);
  });

  it.each(sessionStatuses.flatMap((from) => sessionStatuses.map((to) => [from, to] as const)))(
    "%s → %s",
    (from, to) => {
      const expected = allowed.some(([a, b]) => a === from && b === to);
      expect(canTransition(from, to)).toBe(expected);
      expect(transitionRefusal(from, to) === null).toBe(expected);
    },
  );

  it("never moves a session back to scheduled, and never to itself", () => {
    for (const from of sessionStatuses) {
      expect(canTransition(from, "scheduled")).toBe(false);
      expect(canTransition(from, from)).toBe(false);
    }
  });

  it("lists where an UPDATE may start from", () => {
    expect(statusesLeadingTo("cancelled")).toEqual(["scheduled"]);
    expect(statusesLeadingTo("no_show")).toEqual(["scheduled", "completed"]);
    expect(statusesLeadingTo("completed")).toEqual(["scheduled"]);
    expect(statusesLeadingTo("scheduled")).toEqual([]);
  });

  it("treats cancelled and no-show as final", () => {
    expect(sessionStatuses.filter(isFinal)).toEqual(["cancelled", "no_show"]);
    expect(Object.keys(allowedTransitions).sort()).toEqual([...sessionStatuses].sort());
  });

  it("names the current status when it refuses", () => {
    expect(transitionRefusal("cancelled", "cancelled")).toBe("The session is already cancelled");
    expect(transitionRefusal("completed", "cancelled")).toBe("A completed session cannot become cancelled");
    expect(transitionRefusal("cancelled", "no_show")).toBe("A cancelled session cannot become no-show");
    expect(transitionRefusal("no_show", "no_show")).toBe("The session is already no-show");
  });
});
