// JSON Schema helpers for the API reference.
//
// Request schemas are generated from the very zod schemas the use cases parse
// with (zod 4's z.toJSONSchema, input side), so the reference cannot drift
// from validation. What JSON Schema cannot say — refinements ("endTime after
// startTime", "a real calendar date"), transforms — is added as a
// `description` (and a `format` where one fits) next to the generated field.
//
// Response schemas are hand-written, but `objectOf<View>()` makes TypeScript
// check that they name exactly the fields of the view interface they describe.
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

export const instantSchema: JsonSchema = {
  type: "string",
  format: "date-time",
  description: "An instant, ISO 8601 in UTC (e.g. 2030-03-05T09:00:00.000Z).",
};

/**
 * An object schema with every field of the view type `T`, all required (views
 * always carry every key; absent values are null), and no other. TypeScript refuses a
 * missing or an extra field, so a view that gains or loses a field breaks the
 * build until the reference follows.
 */
export function objectOf<T>(
  properties: { [K in keyof T]-?: JsonSchema },
  options: { description?: string } = {},
): JsonSchema {
  return {
    type: "object",
    ...(options.description ? { description: options.description } : {}),
    properties,
    required: Object.keys(properties),
    // Exactly these fields: a field the view gains without the reference
    // following fails the HTTP tests, which validate every answer.
    additionalProperties: false,
  };
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
