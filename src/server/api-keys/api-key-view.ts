// How a personal API key is shown: never its secret, nor its hash.
import { z } from "zod";
import { apiKeys } from "@/db/schema";
import { instant, recordId } from "../view-fields";

export const apiKeyViewSchema = z
  .strictObject({
    id: recordId,
    name: z.string(),
    prefix: z.string().describe("The key's first characters (`cb_` and seven more), to tell keys apart."),
    createdAt: instant,
    lastUsedAt: instant.nullable().describe("Last request made with it (to the minute); null if never used."),
    revokedAt: instant.nullable().describe("When it was revoked; null while it works."),
  })
  .describe("A personal API key, without its secret.");

export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

export const apiKeyColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

export function apiKeyView(row: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date | string;
  lastUsedAt: Date | string | null;
  revokedAt: Date | string | null;
}): ApiKeyView {
  const iso = (value: Date | string) => new Date(value).toISOString();
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: iso(row.createdAt),
    lastUsedAt: row.lastUsedAt === null ? null : iso(row.lastUsedAt),
    revokedAt: row.revokedAt === null ? null : iso(row.revokedAt),
  };
}
