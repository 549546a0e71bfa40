// Parses use-case input with its zod schema; a failure becomes an AppError
// invalid_input that names each bad field and the reason.
import type { z } from "zod";
import { invalidInput } from "@/domain/errors";

export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  // PostgreSQL text cannot hold NUL: refuse it here, naming the field,
  // rather than let the query fail (a 500) wherever the string goes.
  const nul = nulCharacters(value);
  if (nul.length > 0) throw invalidInput(nul);
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error.issues);
  return result.data;
}

/** An issue per string field (at any depth) holding a NUL character. */
function nulCharacters(value: unknown, path: PropertyKey[] = [], depth = 0): Array<{ path: PropertyKey[]; message: string }> {
  if (typeof value === "string") return value.includes("\u0000") ? [{ path, message: "Must not contain NUL characters" }] : [];
  if (depth > 8 || value === null || typeof value !== "object" || value instanceof Date) return [];
  return Object.entries(value).flatMap(([key, inner]) => nulCharacters(inner, [...path, key], depth + 1));
}
