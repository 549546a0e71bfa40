// One of the coach's classes: its roster, attendance, cancel, add a member.
// The members offered are those the coach knows: who booked them in the
// last year or ahead, and who holds or held a place in their classes.
import type { Metadata } from "next";
import { ClassDetail } from "@/components/classes/class-detail";
import { listEnrolments } from "@/server/classes/list-enrolments";
import { listStandingPlaces } from "@/server/classes/list-standing-places";
import { listSessions } from "@/server/sessions/list-sessions";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Class" };

const DAY_MS = 86_400_000;

export default async function CoachClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, zone, db } = await getViewer("coach");
  const now = new Date();
  const { id } = await params;

  async function knownMembers() {
    const [sessions, places, standing] = await Promise.all([
      listSessions({
        db,
        actor,
        input: { coachId: actor.id, from: new Date(now.getTime() - 300 * DAY_MS).toISOString(), to: new Date(now.getTime() + 60 * DAY_MS).toISOString() },
        now,
      }),
      listEnrolments({ db, actor, input: { from: new Date(now.getTime() - 365 * DAY_MS).toISOString(), status: "all" }, now }),
      listStandingPlaces({ db, actor, input: { status: "all" } }),
    ]);
    const byId = new Map<string, string>();
    for (const person of [...sessions.flatMap((session) => (session.member ? [session.member] : [])), ...places.enrolments.map((place) => place.member), ...standing.map((place) => place.member)]) {
      byId.set(person.id, person.name);
    }
    return [...byId].map(([memberId, name]) => ({ id: memberId, name })).sort((a, b) => a.name.localeCompare(b.name));
  }

  return (
    <ClassDetail
      db={db}
      actor={actor}
      id={id}
      zone={zone}
      now={now}
      backHref={(day) => `/coach/classes?week=${day}`}
      members={knownMembers}
    />
  );
}
