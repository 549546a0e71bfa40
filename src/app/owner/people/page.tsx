// People: the coaches (with the time zone of their weekly hours) and the
// members of the business; the owner adds a person (who gets a welcome
// e-mail), promotes a member to coach, makes a coach a member again, and
// sets a coach's time zone.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AddPersonForm } from "@/components/owner/add-person-form";
import { CoachTimeZoneForm } from "@/components/owner/coach-time-zone-form";
import { MakeCoachButton, MakeMemberButton } from "@/components/owner/role-buttons";
import { TimeZoneOptions } from "@/components/owner/time-zone-field";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { businessTimeZone } from "@/server/config";
import { listUsers } from "@/server/users/list-users";
import type { UserView } from "@/server/users/user-view";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const { actor, db } = await getViewer("owner");
  const people = await listUsers({ db, actor });
  const businessZone = businessTimeZone();
  const byRole = (role: UserView["role"]) => people.filter((person) => person.role === role);
  const coaches = byRole("coach");
  const members = byRole("member");
  const owners = byRole("owner");

  return (
    <>
      <PageHeader
        title="People"
        description="Add people, make a member a coach (or a member again), and set the time zone each coach's weekly hours are in."
      />
      <TimeZoneOptions />
      <div className="grid gap-8">
        <Card>
          <h2 className="text-lg font-semibold">Add person</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">
            They get an e-mail with a link to choose their password, then sign in with this address.
          </p>
          <AddPersonForm businessZone={businessZone} />
        </Card>
        <PeopleSection id="coaches" title="Coaches" count={coaches.length} empty="No coach yet: make a member a coach below.">
          {coaches.map((coach) => (
            <li key={coach.id} className="grid gap-3 px-4 py-4">
              <PersonHeading person={coach} action={<MakeMemberButton userId={coach.id} name={coach.name} />} />
              <CoachTimeZoneForm coachId={coach.id} timezone={coach.timezone} businessZone={businessZone} />
            </li>
          ))}
        </PeopleSection>
        <PeopleSection id="members" title="Members" count={members.length} empty="No member yet: people who sign up appear here.">
          {members.map((member) => (
            <li key={member.id} className="px-4 py-3">
              <PersonHeading
                person={member}
                action={<MakeCoachButton userId={member.id} name={member.name} businessZone={businessZone} />}
              />
            </li>
          ))}
        </PeopleSection>
        <PeopleSection id="owners" title="Owners" count={owners.length} empty="">
          {owners.map((owner) => (
            <li key={owner.id} className="px-4 py-3">
              <PersonHeading person={owner} action={owner.id === actor.id ? <span className="text-sm text-slate-600">You</span> : null} />
            </li>
          ))}
        </PeopleSection>
      </div>
    </>
  );
}

function PeopleSection({ id, title, count, empty, children }: { id: string; title: string; count: number; empty: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="mb-2 text-lg font-semibold">
        {title} <span className="font-normal text-slate-600">({count})</span>
      </h2>
      {count ? (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm" data-testid={id}>
          {children}
        </ul>
      ) : (
        <EmptyState title={empty} />
      )}
    </section>
  );
}

function PersonHeading({ person, action }: { person: UserView; action: ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-3">
      <div className="min-w-0">
        <p className="font-medium text-slate-900">{person.name}</p>
        <p className="text-sm break-words text-slate-600">
          {/* A long address breaks before its "@" on a phone, not mid-word. */}
          {person.email.slice(0, person.email.indexOf("@"))}
          <wbr />
          {person.email.slice(person.email.indexOf("@"))}
        </p>
      </div>
      <div className="shrink-0">{action}</div>
    </div>
  );
}
