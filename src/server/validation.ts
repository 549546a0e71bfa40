// Parses use-case input with its zod schema; a failure becomes an AppError
// invalid_input that names each bad field and the reason.
import type { z } from "zod";
import { invalidInput } from "@/domain/errors";

export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error.issues);
  return result.data;
}
