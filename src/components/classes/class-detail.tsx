// One class for its coach or the owner: when, how full, its roster — the
// places (with attendance once the class has started), the waitlist in
// order and the places given up — cancel the class, and add a member.
import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { SessionTime } from "@/components/session-time";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { holdsPlace, isLive } from "@/domain/enrolment";
import { isAppError } from "@/domain/errors";
import { dateInZone, formatSessionTime } from "@/lib/time-format";
import type { EnrolmentView } from "@/server/classes/class-view";
import { getClass } from "@/server/classes/get-class";
import { AddMemberForm } from "./add-member-form";
import { AttendanceButtons } from "./attendance-buttons";
import { CancelClassButton } from "./cancel-class-button";
import { PLACE_STYLES, cancelCauseLabel, rosterStatusLabel, takenLabel } from "./class-labels";
import { RemovePlaceButton } from "./remove-place-button";

export async function ClassDetail({
  db,
  actor,
  id,
  zone,
  now,
  backHref,
  members,
}: {
  db: DatabaseOrTransaction;
  actor: Actor;
  id: string;
  zone: string;
  now: Date;
  /** The class list at the class's week (any day of it, in the viewer's zone), of its coach. */
  backHref: (day: string, coachId: string) => string;
  /** Who may be added: loaded once the class is known to be the viewer's. */
  members: () => Promise<ReadonlyArray<{ id: string; name: string }>>;
}) {
  const found = await getClass({ db, actor, input: { id } }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "not_found" || error.code === "invalid_input")) return null;
    throw error;
  });
  // A coach asking for another coach's class sees no roster: not theirs to manage.
  if (!found || !found.roster) notFound();
  const { class: view, roster } = found;
  const started = new Date(view.startsAt).getTime() <= now.getTime();
  const open = view.status === "scheduled" && !started;
  const summary = `${view.title}, ${formatSessionTime(view.startsAt, view.endsAt, zone)}`;
  const places = roster.filter((place) => holdsPlace(place.status));
  const waitlist = roster.filter((place) => place.status === "waitlisted");
  const givenUp = roster.filter((place) => place.status === "cancelled");
  const canMark = started && view.status !== "cancelled";

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={backHref(dateInZone(view.startsAt, zone), view.coach.id)} className="font-medium text-brand-700 underline underline-offset-2">
          <span aria-hidden="true">←</span> Classes
        </Link>
      </p>
      <PageHeader
        title={view.title}
        description={
          <>
            with {view.coach.name} · {view.seriesId ? "weekly class" : "one-off class"}
          </>
        }
        actions={open ? <CancelClassButton classId={view.id} summary={summary} /> : undefined}
      />
      <div className="grid gap-6">
        <Card as="div" className="grid gap-2">
          <p>
            <SessionTime startsAt={view.startsAt} endsAt={view.endsAt} zone={zone} coachZone={view.coach.timezone} className="block" />
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={view.status} />
            <span className="text-sm text-slate-800" data-testid="class-places">
              {takenLabel(view)}
            </span>
          </div>
          {view.cancellationReason && <p className="text-sm text-slate-600">Reason: {view.cancellationReason}</p>}
          {view.status === "scheduled" && !started && (
            <p className="text-sm text-slate-600">Attendance can be marked once the class has started.</p>
          )}
        </Card>

        <Card>
          <h2 id="places-heading" className="text-lg font-semibold text-slate-900">
            Places <span className="font-normal text-slate-600">({places.length} of {view.capacity})</span>
          </h2>
          {places.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">Nobody has a place yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-200" aria-labelledby="places-heading">
              {places.map((place) => (
                <RosterItem key={place.id} place={place}>
                  {canMark && <AttendanceButtons enrolmentId={place.id} memberName={place.member.name} status={place.status} />}
                  {open && place.status === "confirmed" && <RemovePlaceButton enrolmentId={place.id} memberName={place.member.name} waitlisted={false} />}
                </RosterItem>
              ))}
            </ul>
          )}
        </Card>

        <Card>
          <h2 id="waitlist-heading" className="text-lg font-semibold text-slate-900">
            Waitlist <span className="font-normal text-slate-600">({waitlist.length})</span>
          </h2>
          {waitlist.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">Nobody is waiting.</p>
          ) : (
            <ol className="mt-2 divide-y divide-slate-200" aria-labelledby="waitlist-heading">
              {waitlist.map((place) => (
                <RosterItem key={place.id} place={place}>
                  {open && <RemovePlaceButton enrolmentId={place.id} memberName={place.member.name} waitlisted />}
                </RosterItem>
              ))}
            </ol>
          )}
        </Card>

        {open && (
          <Card>
            <AddMemberForm
              classId={view.id}
              members={await members()}
              hint={actor.role === "owner" ? "Every member of the studio." : "Members who have booked you or taken your classes."}
            />
          </Card>
        )}

        {givenUp.length > 0 && (
          <Card>
            <h2 id="cancelled-heading" className="text-lg font-semibold text-slate-900">
              Cancelled places <span className="font-normal text-slate-600">({givenUp.length})</span>
            </h2>
            <ul className="mt-2 divide-y divide-slate-200" aria-labelledby="cancelled-heading">
              {givenUp.map((place) => (
                <RosterItem key={place.id} place={place} />
              ))}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}

function RosterItem({ place, children }: { place: EnrolmentView; children?: ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="roster-place">
      <div className="min-w-0">
        <p className="font-medium text-slate-900">{place.member.name}</p>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span data-testid="place-status" className="contents">
            <Badge className={PLACE_STYLES[place.status]}>{rosterStatusLabel(place)}</Badge>
          </span>
          {place.standingPlaceId && isLive(place.status) && <span>Standing place</span>}
          {place.status === "cancelled" && <span>{cancelCauseLabel(place.cancelCause)}</span>}
        </p>
      </div>
      {children && <div className="flex flex-wrap items-center gap-2">{children}</div>}
    </li>
  );
}
