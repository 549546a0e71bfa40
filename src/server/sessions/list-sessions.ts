// Sessions in a time range, each actor within their scope: a member their
// own, a coach those they run, the owner everyone's.
//
// The range: sessions that START in [from, to).
//  - `from` / `to` are calendar dates "YYYY-MM-DD", read as UTC days: `from`
//    is 00:00Z of that day and `to` includes its whole day (up to 00:00Z of
//    the next one). So `from=2027-03-01&to=2027-03-01` is that one UTC day.
//  - Either may instead be an ISO 8601 instant with an offset
//    ("2027-03-01T09:00:00+01:00"); an instant `to` is exclusive. Clients
//    that want a day in another zone send that day's instants.
//  - Defaults: `from` = today (UTC), `to` = four weeks after `from`.
//  - `to` may not come before `from`; the range is at most 366 days.
//
// `coachId` / `memberId` narrow the result; they are ANDed with the actor's
// scope, so they can never widen it (a member asking for another member's
// sessions, or a coach for another coach's, gets an empty list — no error
// that would tell them whether such sessions exist).
import { z } from "zod";
import { and, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { sessionStatus, trainingSessions } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { epochDayOf } from "@/domain/time";
import { MAX_YEAR, MIN_YEAR, isWithinSupportedYears, recordId } from "../fields";
import { parseInput } from "../validation";
import { sessionScopeConditions } from "./session-transition";
import { selectSessionViews, type SessionView } from "./session-view";

const DAY_MS = 86_400_000;
/** Default length of the range: four weeks. */
const DEFAULT_RANGE_DAYS = 28;
export const MAX_RANGE_DAYS = 366;

const isoInstant = z.iso.datetime({ offset: true });
const rangeBound = z
  .string()
  .trim()
  .refine((value) => epochDayOf(value) !== undefined || isoInstant.safeParse(value).success, {
    message: "Must be a date YYYY-MM-DD or an ISO 8601 date-time with an offset (e.g. 2027-03-01T10:00:00Z)",
    abort: true,
  })
  // Year 0000 or 9999 would reach Date arithmetic and PostgreSQL (a 500 once).
  .refine((value) => isWithinSupportedYears(value) && isWithinSupportedYears(new Date(value)), {
    message: `Must be in the years ${MIN_YEAR} to ${MAX_YEAR}`,
  });

export const listSessionsInput = z.strictObject({
  from: rangeBound.optional(),
  to: rangeBound.optional(),
  status: z.enum(sessionStatus.enumValues).optional(),
  coachId: recordId.optional(),
  memberId: recordId.optional(),
});

export type ListSessionsInput = z.input<typeof listSessionsInput>;

export async function listSessions(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input?: ListSessionsInput;
  now?: Date;
}): Promise<SessionView[]> {
  const { actor } = options;
  assertCan(actor, "sessions:read");
  const input = parseInput(listSessionsInput, options.input ?? {});
  const { from, to } = resolveRange(input, options.now ?? new Date());

  const conditions: SQL[] = [
    gte(trainingSessions.startsAt, from),
    lt(trainingSessions.startsAt, to),
    ...sessionScopeConditions(actor),
  ];
  if (input.memberId !== undefined) conditions.push(eq(trainingSessions.memberId, input.memberId));
  if (input.coachId !== undefined) conditions.push(eq(trainingSessions.coachId, input.coachId));
  if (input.status !== undefined) conditions.push(eq(trainingSessions.status, input.status));

  return selectSessionViews(options.db, and(...conditions));
}

/** [from, to) as instants, with the defaults and limits described above. */
function resolveRange(input: { from?: string; to?: string }, now: Date): { from: Date; to: Date } {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const from = input.from === undefined ? today : startOf(input.from);
  const to = input.to === undefined ? new Date(from.getTime() + DEFAULT_RANGE_DAYS * DAY_MS) : endOf(input.to);

  // Compare what was given: a date `to` equal to a date `from` is one whole day.
  if (input.to !== undefined && startOf(input.to).getTime() < from.getTime()) {
    throw new AppError("invalid_input", `to must not come before from (${from.toISOString()})`, {
      to: `Must not come before from (${from.toISOString()})`,
    });
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new AppError("invalid_input", `The range may span at most ${MAX_RANGE_DAYS} days`, {
      to: `Must be at most ${MAX_RANGE_DAYS} days after from`,
    });
  }
  return { from, to };
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A date's first instant (00:00Z), or the instant itself. */
function startOf(bound: string): Date {
  return isDate(bound) ? new Date(`${bound}T00:00:00Z`) : new Date(bound);
}

/** The instant just after a date (00:00Z of the next day), or the instant itself. */
function endOf(bound: string): Date {
  return isDate(bound) ? new Date(new Date(`${bound}T00:00:00Z`).getTime() + DAY_MS) : new Date(bound);
}
