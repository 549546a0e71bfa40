// What a server action answers: the use case's data, or its AppError in the
// REST API's error shape (code, message, fields, details such as the
// conflicting dates of a series), or a bare "internal" that never carries
// the original message or stack.
import { afterEach, describe, expect, it, vi } from "vitest";
import { toActionResult } from "@/actions/action-result";
import { AppError } from "@/domain/errors";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("toActionResult", () => {
  it("answers the data on success", async () => {
    expect(await toActionResult("test", async () => ({ id: "x" }))).toEqual({ ok: true, data: { id: "x" } });
  });

  it("answers an AppError with its code, message, fields and details", async () => {
    const result = await toActionResult("test", async () => {
      throw new AppError("conflict", "2 occurrences cannot be booked", undefined, {
        conflicts: [{ date: "2027-03-02", reason: "blocked" }],
      });
    });
    expect(result).toEqual({
      ok: false,
      error: { code: "conflict", message: "2 occurrences cannot be booked", conflicts: [{ date: "2027-03-02", reason: "blocked" }] },
    });
    const invalid = await toActionResult("test", async () => {
      throw new AppError("invalid_input", "endTime: Must be after startTime", { endTime: "Must be after startTime" });
    });
    expect(invalid).toEqual({
      ok: false,
      error: { code: "invalid_input", message: "endTime: Must be after startTime", fields: { endTime: "Must be after startTime" } },
    });
  });

  it("answers anything else as internal, logging it but never passing on its message", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await toActionResult("createRecurringBooking", async () => {
      throw new Error("connection to 10.0.0.5 refused, password=hunter2");
    });
    expect(result).toEqual({ ok: false, error: { code: "internal", message: "Internal error" } });
    expect(JSON.stringify(result)).not.toContain("hunter2");
    expect(logged).toHaveBeenCalledWith("[action] createRecurringBooking failed:", expect.any(Error));
  });
});
