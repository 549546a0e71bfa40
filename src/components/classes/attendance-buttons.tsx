"use client";
// Who came: "Attended" or "No-show" on one place, once the class has
// started. The current mark is pressed; pressing the other corrects it.
import { markAttendanceAction } from "@/actions/class-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { errorMessage, useAction } from "@/components/use-action";
import type { AttendanceMark, EnrolmentStatus } from "@/domain/enrolment";

const MARKS: ReadonlyArray<{ mark: AttendanceMark; label: string; pendingLabel: string }> = [
  { mark: "attended", label: "Attended", pendingLabel: "Marking…" },
  { mark: "no_show", label: "No-show", pendingLabel: "Marking…" },
];

export function AttendanceButtons({ enrolmentId, memberName, status }: { enrolmentId: string; memberName: string; status: EnrolmentStatus }) {
  const mark = useAction(markAttendanceAction);
  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap gap-2" role="group" aria-label={`Attendance of ${memberName}`}>
        {MARKS.map(({ mark: value, label, pendingLabel }) => (
          <Button
            key={value}
            size="sm"
            variant={status === value ? "primary" : "secondary"}
            aria-pressed={status === value}
            pending={mark.pending}
            pendingLabel={pendingLabel}
            onClick={() => void mark.run({ id: enrolmentId, attendance: value })}
          >
            {label}
            <span className="sr-only">: {memberName}</span>
          </Button>
        ))}
      </div>
      {mark.error && <Notice tone="error">{errorMessage(mark.error)}</Notice>}
    </div>
  );
}
