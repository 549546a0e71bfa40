// Any coach's class for the owner: its roster, attendance, cancel, and
// adding any member of the studio.
import type { Metadata } from "next";
import { ClassDetail } from "@/components/classes/class-detail";
import { listUsers } from "@/server/users/list-users";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Class" };

export default async function OwnerClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, zone, db } = await getViewer("owner");
  const { id } = await params;
  return (
    <ClassDetail
      db={db}
      actor={actor}
      id={id}
      zone={zone}
      now={new Date()}
      backHref={(day, coachId) => `/owner/classes?coach=${encodeURIComponent(coachId)}&week=${day}`}
      members={async () => (await listUsers({ db, actor, input: { role: "member" } })).map(({ id: memberId, name }) => ({ id: memberId, name }))}
    />
  );
}
