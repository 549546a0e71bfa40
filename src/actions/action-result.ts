// Server actions answer a result instead of throwing, so a form can show
// the error next to its field: the same AppError codes and fields as the
// REST API's error body. An unexpected error is logged and answered as
// "internal", never with its stack ("unavailable" when the database is down).
import { headers } from "next/headers";
import type { Actor } from "@/auth/actor";
import { getCurrentActor } from "@/auth/current-actor";
import { getDatabase, type DatabaseOrTransaction } from "@/db";
import { errorSummary, isDatabaseUnavailable } from "@/db/errors";
import { AppError, DATABASE_UNAVAILABLE, isAppError, type ErrorCode } from "@/domain/errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: { code: ErrorCode | "internal" | "unavailable"; message: string; fields?: Record<string, string> } & Record<string, unknown>;
    };

/** Runs a use case for a server action: the signed-in user from the request's cookie, the app's database. */
export async function runAction<T>(
  name: string,
  work: (context: { db: DatabaseOrTransaction; actor: Actor | null }) => Promise<T>,
): Promise<ActionResult<T>> {
  return toActionResult(name, async () => {
    const actor = await getCurrentActor(await headers());
    const { db } = await getDatabase();
    return work({ db, actor });
  });
}

/**
 * runAction for an action that reads its input's fields itself (destructures
 * it): anyone can POST an action with `null`, a number or an array as its
 * argument, and reading a field of those threw a TypeError (a 500 once, then
 * "internal"). Anything but a plain object is invalid_input naming `input`.
 */
export async function runActionWith<Input extends object, T>(
  name: string,
  input: Input,
  work: (context: { db: DatabaseOrTransaction; actor: Actor | null }, input: Input) => Promise<T>,
): Promise<ActionResult<T>> {
  return toActionResult(name, async () => {
    const value = objectInput(input);
    const actor = await getCurrentActor(await headers());
    const { db } = await getDatabase();
    return work({ db, actor }, value);
  });
}

/** `value` when it is a plain object (what every action takes); else invalid_input naming `input`. */
export function objectInput<Input>(value: Input): Input {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new AppError("invalid_input", "input: Must be an object", { input: "Must be an object" });
  }
  return value;
}

/** The result of `work`: its data, or its AppError as the API's error body, or "internal" (logged). */
export async function toActionResult<T>(name: string, work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (isAppError(error)) {
      return {
        ok: false,
        error: {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
          ...error.details,
        },
      };
    }
    if (isDatabaseUnavailable(error)) {
      console.error(`[action] ${name}: database unavailable:`, errorSummary(error));
      return { ok: false, error: { ...DATABASE_UNAVAILABLE } };
    }
    console.error(`[action] ${name} failed:`, error);
    return { ok: false, error: { code: "internal", message: "Internal error" } };
  }
}
