// JSON Schema helpers for the API reference.
//
// Request schemas are generated from the very zod schemas the use cases parse
// with (zod 4's z.toJSONSchema, input side), so the reference cannot drift
// from validation. What JSON Schema cannot say — refinements ("endTime after
// startTime", "a real calendar date"), transforms — is added as a
// `description` (and a `format` where one fits) next to the generated field.
//
// Response schemas are generated the same way from the zod schemas of the
// views, beside their use cases (output side; components.ts), and each view's
// TypeScript type is inferred from its schema: one definition of each shape.
import { z } from "zod";

export type JsonSchema = { [keyword: string]: unknown };

/** A schema reference into components.schemas. */
export function ref(name: string): JsonSchema {
  return { $ref: `#/components/schemas/${name}` };
}

/** `schema` or JSON null. */
export function nullable(schema: JsonSchema): JsonSchema {
  return { anyOf: [schema, { type: "null" }] };
}

/** Extra keywords for generated fields: mostly a `description` of what the zod refinements check. */
export type FieldNotes = Record<string, JsonSchema>;

/**
 * The JSON Schema of what a zod schema accepts (its input side). Dates that a
 * body may carry either as JSON strings or as already-parsed Date values
 * (`z.union([z.date(), z.string()])`) read as a date-time string; any other
 * unrepresentable part becomes `{}` (anything), described by `notes`.
 */
export function fromZod(schema: z.ZodType, notes: FieldNotes = {}, description?: string): JsonSchema {
  const generated = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: (ctx) =>
      ctx.zodSchema._zod.def.type === "date" ? { type: "string", format: "date-time" } : "any",
    override: (ctx) => {
      const def = ctx.zodSchema._zod.def;
      if (def.type === "union" && def.options.some((option) => option._zod.def.type === "date")) {
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as JsonSchema)[key];
        Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
      }
    },
  }) as JsonSchema;
  delete generated.$schema;

  const properties = generated.properties as Record<string, JsonSchema> | undefined;
  for (const [field, extra] of Object.entries(notes)) {
    if (!properties?.[field]) {
      throw new Error(`API reference: a note for "${field}", which the schema does not have`);
    }
    properties[field] = { ...properties[field], ...extra };
  }
  if (description) generated.description = description;
  return generated;
}
