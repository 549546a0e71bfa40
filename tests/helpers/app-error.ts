// The AppError a use case rejects with; the test fails when it resolves or
// throws anything else.
import { expect } from "vitest";
import { AppError } from "@/domain/errors";

export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
