// The health check, this reference itself, and session generation (cron and admin).
import { listGenerationRunsInput } from "@/server/sessions/list-generation-runs";
import { runGenerationInput } from "@/server/sessions/run-generation";
import { ref, type JsonSchema } from "../json-schema";
import type { OperationSpec, PathSpecs } from "../operation";

const database: JsonSchema = { type: "string", enum: ["pglite", "postgres"], description: "The engine the app runs on." };

const cronRun: OperationSpec = {
  operationId: "cronGenerateSessions",
  tag: "generation",
  summary: "Run the daily session generation (scheduler only)",
  description:
    "Generates sessions SESSION_HORIZON_WEEKS ahead for every active series, records conflicts and marks past sessions completed. Vercel cron calls it with GET (vercel.json, daily 02:00 UTC); `npm start`'s internal scheduler with POST. No body. Once per business-zone day across every instance: the first call of the day runs it; any later call that day runs nothing and answers the day's run with `alreadyRan: true`.",
  access: { cronSecret: true },
  success: {
    status: 200,
    description: "The day's run, with its counts, and whether it had already been started before this call.",
    schema: {
      type: "object",
      properties: {
        run: ref("GenerationRun"),
        alreadyRan: { type: "boolean", description: "True when another call (another instance, a repeated cron call) had started the day's run: nothing ran now." },
      },
      required: ["run", "alreadyRan"],
    },
  },
  errors: {
    401: "Missing or wrong bearer token, or CRON_SECRET unset on the server (fails closed). The message never contains the secret.",
  },
};

function runEnvelope(): JsonSchema {
  return { type: "object", properties: { run: ref("GenerationRun") }, required: ["run"] };
}

export const systemPaths: PathSpecs = {
  "/api/health": {
    get: {
      operationId: "health",
      tag: "system",
      summary: "Is the app up and can it reach its database?",
      access: { anonymous: true },
      success: {
        status: 200,
        description: "Up, database answering.",
        schema: { type: "object", properties: { status: { const: "ok" }, database }, required: ["status", "database"] },
        example: { status: "ok", database: "pglite" },
      },
      errors: {},
      otherResponses: {
        503: {
          description: "The database does not answer (no details given).",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { status: { const: "error" }, database, message: { type: "string" } },
                required: ["status", "database", "message"],
              },
              example: { status: "error", database: "postgres", message: "Database unavailable" },
            },
          },
        },
      },
    },
  },
  "/api/v1/openapi.json": {
    get: {
      operationId: "openApiDocument",
      tag: "system",
      summary: "This API reference (OpenAPI 3.1)",
      description: "Built from the code: request schemas are generated from the zod schemas the API validates with.",
      access: { anonymous: true },
      success: {
        status: 200,
        description: "The OpenAPI 3.1 document.",
        schema: { type: "object", required: ["openapi", "info", "paths"], properties: { openapi: { const: "3.1.0" } } },
      },
      errors: {},
      otherResponses: {
        "5XX": { description: "Unexpected server error." },
      },
    },
  },
  "/api/cron/generate-sessions": {
    get: cronRun,
    post: { ...cronRun, operationId: "cronGenerateSessionsPost" },
  },
  "/api/admin/generate-sessions": {
    get: {
      operationId: "listGenerationRuns",
      tag: "generation",
      summary: "Recent runs of the session generator, newest first",
      access: { permission: "generation:run" },
      query: {
        schema: listGenerationRunsInput,
        notes: { limit: { description: "How many runs, 1–100; default 20." } },
      },
      success: {
        status: 200,
        description: "The runs (admin, cron, scheduler and CLI alike).",
        schema: { type: "object", properties: { runs: { type: "array", items: ref("GenerationRun") } }, required: ["runs"] },
      },
      errors: {
        400: "`limit` is not a whole number from 1 to 100, or an unknown query parameter.",
        403: "Not the owner.",
      },
    },
    post: {
      operationId: "runGeneration",
      tag: "generation",
      summary: "Run session generation now",
      description: "Same work as the daily cron run, `weeksAhead` weeks ahead; recorded with trigger \"admin\" and the owner who asked.",
      access: { permission: "generation:run" },
      body: {
        name: "RunGenerationInput",
        schema: runGenerationInput,
        notes: { weeksAhead: { description: "How many weeks ahead to generate, 1–52." } },
        example: { weeksAhead: 8 },
      },
      success: { status: 200, description: "The finished run, with its counts.", schema: runEnvelope() },
      errors: { 400: "`weeksAhead` missing or not a whole number from 1 to 52.", 403: "Not the owner." },
    },
  },
};
