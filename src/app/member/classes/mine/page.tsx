// My classes: the member's upcoming places and waitlist places, soonest
// first, each with its position and a way to give it up.
import type { Metadata } from "next";
import Link from "next/link";
import { ClassCard } from "@/components/classes/class-card";
import { MemberClassTabs } from "@/components/classes/member-class-tabs";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { listEnrolments } from "@/server/classes/list-enrolments";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "My classes" };

export default async function MyClassesPage() {
  const { actor, db, zone } = await getViewer("member");
  const now = new Date();
  const { classes } = await listEnrolments({ db, actor, input: { status: "live" }, now });
  const places = classes.filter((view) => view.myEnrolment?.status === "confirmed").length;
  const waiting = classes.filter((view) => view.myEnrolment?.status === "waitlisted").length;

  return (
    <>
      <PageHeader title="My classes" description="Your places in upcoming classes, and where you are on the waitlists." />
      <MemberClassTabs current="/member/classes/mine" />
      {classes.length === 0 ? (
        <EmptyState title="No classes booked">
          Find one in the{" "}
          <Link href="/member/classes" className="font-medium text-brand-700 underline">
            timetable
          </Link>
          , or take a standing place in a{" "}
          <Link href="/member/classes/weekly" className="font-medium text-brand-700 underline">
            weekly class
          </Link>
          .
        </EmptyState>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600">
            {places} {places === 1 ? "place" : "places"}
            {waiting > 0 && `, ${waiting} on a waitlist`}
          </p>
          <ul className="grid gap-3" aria-label="My upcoming classes">
            {classes.map((view) => (
              <ClassCard key={view.id} view={view} zone={zone} now={now} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
