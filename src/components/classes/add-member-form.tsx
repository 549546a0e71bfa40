"use client";
// The coach (or the owner) gives a member a place in the class — or a
// waitlist place when it is full. The use case refuses a member who holds
// something else then, and says so.
import { useId, useState } from "react";
import { enrolInClassAction } from "@/actions/class-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { errorMessage, useAction } from "@/components/use-action";

export function AddMemberForm({ classId, members, hint }: { classId: string; members: ReadonlyArray<{ id: string; name: string }>; hint: string }) {
  const headingId = useId();
  const [memberId, setMemberId] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const enrol = useAction(enrolInClassAction);

  return (
    <form
      aria-labelledby={headingId}
      noValidate
      className="grid gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setDone(null);
        const name = members.find((member) => member.id === memberId)?.name ?? "The member";
        const result = await enrol.run({ classId, memberId });
        if (!result) return;
        setDone(
          result.enrolment.status === "confirmed"
            ? `${name} has a place.`
            : `The class is full: ${name} is on the waitlist at #${result.enrolment.position}.`,
        );
        setMemberId("");
      }}
    >
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        Add a member
      </h2>
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          label="Member"
          value={memberId}
          hint={hint}
          onChange={(event) => {
            setMemberId(event.target.value);
            setDone(null);
            enrol.clearError();
          }}
          error={enrol.fieldError("memberId")}
          className="min-w-56 flex-1"
        >
          <option value="">Choose a member</option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </SelectField>
        <Button type="submit" pending={enrol.pending} pendingLabel="Adding…">
          Add to class
        </Button>
      </div>
      {enrol.error && !enrol.fieldError("memberId") && <Notice tone="error">{errorMessage(enrol.error)}</Notice>}
      {done && <Notice tone="success">{done}</Notice>}
    </form>
  );
}
