// The owner's daily digest: the day's generation run, the open conflicts and
// the messages that could not be delivered, to every owner who has not
// turned it off. Written after the scheduled daily run, once per owner and
// day (dedupe key digest:<date>:<owner>), however many instances run it.
import { and, count, eq, gte } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { outboxMessages, sessionConflicts, users, type SessionGenerationRun } from "@/db/schema";
import { enqueueMessages } from "./enqueue";
import type { DigestPayload } from "./payloads";

export async function enqueueOwnerDigest(
  db: DatabaseOrTransaction,
  options: { date: string; run: Pick<SessionGenerationRun, "status" | "createdCount" | "conflictCount" | "completedCount" | "error"> | null; now?: Date },
): Promise<number> {
  const now = options.now ?? new Date();
  const [open] = await db.select({ n: count() }).from(sessionConflicts).where(eq(sessionConflicts.status, "open"));
  const [failed] = await db
    .select({ n: count() })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.status, "failed"), gte(outboxMessages.createdAt, new Date(now.getTime() - 7 * 86_400_000))));
  const owners = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "owner"), eq(users.emailDigest, true)));
  const payload: DigestPayload = {
    date: options.date,
    run: options.run
      ? {
          status: options.run.status,
          created: options.run.createdCount,
          conflicts: options.run.conflictCount,
          completed: options.run.completedCount,
          error: options.run.error,
        }
      : null,
    openConflicts: open?.n ?? 0,
    failedDeliveries: failed?.n ?? 0,
  };
  return enqueueMessages(
    db,
    owners.map((owner) => ({ kind: "owner_digest", recipientId: owner.id, payload: { ...payload }, dedupeKey: `digest:${options.date}:${owner.id}` })),
  );
}
