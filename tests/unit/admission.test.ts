// The front's admission gate: at most N requests inside, the rest in arrival
// order, a bounded line and a bounded wait (refused then), and a client that
// hangs up while waiting gives its place away.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { admissionOptions, createAdmission, skipsAdmission } from "../../scripts/lib/admission";

interface Request {
  name: string;
  entered: boolean;
  refused: boolean;
  leave?: () => void;
  cancel?: () => void;
}

function request(admission: ReturnType<typeof createAdmission>, name: string): Request {
  const state: Request = { name, entered: false, refused: false };
  admission.admit(
    (leave) => {
      state.entered = true;
      state.leave = leave;
    },
    () => {
      state.refused = true;
    },
    (onCancel) => {
      state.cancel = onCancel;
    },
  );
  return state;
}

describe("createAdmission", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("lets N in at once and the rest in arrival order as places free up", () => {
    const admission = createAdmission({ concurrency: 2, queue: 10, waitMs: 1000 });
    const [a, b, c, d] = ["a", "b", "c", "d"].map((name) => request(admission, name));
    expect([a, b, c, d].map((r) => r!.entered)).toEqual([true, true, false, false]);
    expect(admission.counts()).toEqual({ inside: 2, waiting: 2 });
    b!.leave!();
    expect(c!.entered).toBe(true);
    expect(d!.entered).toBe(false);
    b!.leave!(); // leaving twice frees one place only
    expect(d!.entered).toBe(false);
    a!.leave!();
    expect(d!.entered).toBe(true);
    expect(admission.counts()).toEqual({ inside: 2, waiting: 0 });
  });

  it("refuses at once when the line is full", () => {
    const admission = createAdmission({ concurrency: 1, queue: 1, waitMs: 1000 });
    request(admission, "inside");
    const waiting = request(admission, "waiting");
    const refused = request(admission, "refused");
    expect(waiting.refused).toBe(false);
    expect(refused.refused).toBe(true);
    expect(refused.entered).toBe(false);
  });

  it("refuses a request that waited too long, and never lets it in afterwards", () => {
    const admission = createAdmission({ concurrency: 1, queue: 10, waitMs: 500 });
    const inside = request(admission, "inside");
    const late = request(admission, "late");
    vi.advanceTimersByTime(499);
    expect(late.refused).toBe(false);
    vi.advanceTimersByTime(1);
    expect(late.refused).toBe(true);
    inside.leave!();
    expect(late.entered).toBe(false);
    expect(admission.counts()).toEqual({ inside: 0, waiting: 0 });
  });

  it("gives the place of a client that hung up while waiting to the next one", () => {
    const admission = createAdmission({ concurrency: 1, queue: 10, waitMs: 1000 });
    const inside = request(admission, "inside");
    const gone = request(admission, "gone");
    const next = request(admission, "next");
    gone.cancel!();
    inside.leave!();
    expect(gone.entered).toBe(false);
    expect(next.entered).toBe(true);
    vi.advanceTimersByTime(5000);
    expect(gone.refused).toBe(false);
  });

  it("keeps its order over many requests", () => {
    const admission = createAdmission({ concurrency: 3, queue: 5000, waitMs: 1000 });
    const order: number[] = [];
    const leaves: Array<() => void> = [];
    for (let index = 0; index < 3000; index += 1) {
      admission.admit(
        (leave) => {
          order.push(index);
          leaves.push(leave);
        },
        () => {},
        () => {},
      );
    }
    while (leaves.length > 0) leaves.shift()!();
    expect(order).toEqual(Array.from({ length: 3000 }, (_, index) => index));
  });
});

describe("admissionOptions", () => {
  it("has defaults and refuses a bad value naming the variable", () => {
    expect(admissionOptions({})).toEqual({ concurrency: 2, queue: 1000, waitMs: 10_000 });
    expect(admissionOptions({ ADMISSION_CONCURRENCY: "4" }).concurrency).toBe(4);
    expect(() => admissionOptions({ ADMISSION_CONCURRENCY: "0" })).toThrow(/ADMISSION_CONCURRENCY/);
    expect(() => admissionOptions({ ADMISSION_WAIT_MS: "soon" })).toThrow(/ADMISSION_WAIT_MS/);
  });
});

describe("skipsAdmission", () => {
  it("lets the health check skip the line, and nothing else", () => {
    expect(skipsAdmission("/api/health")).toBe(true);
    expect(skipsAdmission("/api/health?probe=1")).toBe(true);
    expect(skipsAdmission("/api/healthz")).toBe(false);
    expect(skipsAdmission("/api/v1/bookings")).toBe(false);
    expect(skipsAdmission(undefined)).toBe(false);
  });
});
