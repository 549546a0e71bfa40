// A calendar feed's content (iCalendar, METHOD:PUBLISH), for the calendar app
// that subscribed to its address: no sign-in, the token is the key. Every
// session of the feed's user, as member or coach, from 30 days ago to the
// booking horizon (SESSION_HORIZON_WEEKS); held and upcoming ones CONFIRMED,
// cancelled ones STATUS:CANCELLED (SEQUENCE 1) while cancelled in the last 30
// days, so a subscribed calendar drops them, then left out. One UID per
// session, the same as in e-mailed invitations. A member's places in group
// classes are in it too (held, attended or no-show, and a cancelled class
// they held a place in, shown cancelled); a place on a waitlist is not,
// until promoted, and a place given up leaves the feed (a subscribed
// calendar drops the event). An unknown, replaced or turned-off token is
// 404, with no hint which.
import { and, asc, eq, gte, isNull, lt, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { DatabaseOrTransaction } from "@/db";
import { calendarFeeds, trainingSessions, users } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { buildCalendar, sessionSequence, sessionUid, type CalendarEvent } from "@/domain/icalendar";
import { sessionHorizonWeeks } from "../config";
import { parseInput } from "../validation";
import { feedTokenHash, tokenFromFeedFile } from "./feed-token";

/** How far back the feed reaches: past sessions, and cancellations still shown. */
export const FEED_PAST_DAYS = 30;
const DAY_MS = 86_400_000;

export const renderCalendarFeedInput = z.strictObject({
  /** The URL's last segment: "<token>.ics". */
  file: z.string().max(200),
});

export async function renderCalendarFeed({
  db,
  input,
  now = new Date(),
}: {
  db: DatabaseOrTransaction;
  input: z.input<typeof renderCalendarFeedInput>;
  now?: Date;
}): Promise<string> {
  const { file } = parseInput(renderCalendarFeedInput, input);
  const token = tokenFromFeedFile(file);
  const notFound = new AppError("not_found", "No such calendar feed");
  if (!token) throw notFound;
  const [feed] = await db
    .select({ userId: users.id, name: users.name })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, feedTokenHash(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed) throw notFound;

  const since = new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS);
  const until = new Date(now.getTime() + sessionHorizonWeeks() * 7 * DAY_MS);
  const coach = alias(users, "coach");
  const member = alias(users, "member");
  const rows = await db
    .select({
      id: trainingSessions.id,
      startsAt: trainingSessions.startsAt,
      endsAt: trainingSessions.endsAt,
      status: trainingSessions.status,
      coachId: trainingSessions.coachId,
      coachName: coach.name,
      memberName: member.name,
      title: trainingSessions.title,
      type: trainingSessions.type,
    })
    .from(trainingSessions)
    .innerJoin(coach, eq(coach.id, trainingSessions.coachId))
    .leftJoin(member, eq(member.id, trainingSessions.memberId))
    .where(
      and(
        or(
          eq(trainingSessions.coachId, feed.userId),
          eq(trainingSessions.memberId, feed.userId),
          sql`EXISTS (SELECT 1 FROM class_enrolments e WHERE e.class_id = ${trainingSessions.id} AND e.member_id = ${feed.userId}
                AND (e.status IN ('confirmed', 'attended', 'no_show') OR e.cancel_cause = 'class_cancelled'))`,
        ),
        gte(trainingSessions.startsAt, since),
        lt(trainingSessions.startsAt, until),
        or(ne(trainingSessions.status, "cancelled"), gte(trainingSessions.cancelledAt, since)),
      ),
    )
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));

  const events: CalendarEvent[] = rows.map((row) => {
    const isCoach = row.coachId === feed.userId;
    const other = isCoach ? row.memberName : row.coachName;
    const title = row.type === "GROUP" ? row.title || "Group class" : null;
    return {
      uid: sessionUid(row.id),
      sequence: sessionSequence(row.status),
      start: new Date(row.startsAt),
      end: new Date(row.endsAt),
      stamp: now,
      summary: title ? (isCoach ? title : `${title} with ${row.coachName}`) : other ? `Session with ${other}` : "Session",
      status: row.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    };
  });
  return buildCalendar({ method: "PUBLISH", name: `Coachbook — ${feed.name}`, events });
}
