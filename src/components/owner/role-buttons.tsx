"use client";
// Promote a member to coach (choosing their time zone) and make a coach a
// member again. The use case decides what is allowed; its messages appear
// next to the field they name, or in the dialog.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { updateUserAction } from "@/actions/user-actions";
import { Button } from "../ui/button";
import { Notice } from "../ui/card";
import { ConfirmButton, Dialog } from "../ui/dialog";
import { errorMessage, useAction } from "../use-action";
import { TimeZoneField } from "./time-zone-field";

export function MakeCoachButton({ userId, name, businessZone }: { userId: string; name: string; businessZone: string }) {
  const { run, pending, error, fieldError, clearError } = useAction(updateUserAction);
  const [open, setOpen] = useState(false);
  const [zone, setZone] = useState("");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = zone.trim();
    const done = await run({ id: userId, role: "coach", ...(trimmed ? { timezone: trimmed } : {}) });
    if (done) setOpen(false);
  }

  const zoneError = fieldError("timezone");
  const roleError = fieldError("role");
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => {
          clearError();
          setOpen(true);
        }}
      >
        Make coach
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => !pending && setOpen(next)}
        title={`Make ${name} a coach?`}
        description="They can then set weekly hours and time off, and members can book them. Their own bookings stay as they are."
      >
        <form onSubmit={submit} noValidate className="grid gap-4">
          <TimeZoneField
            name="timezone"
            value={zone}
            onChange={(event) => {
              setZone(event.target.value);
              clearError();
            }}
            hint={`The zone of their weekly hours. Empty: the business zone (${businessZone}).`}
            error={zoneError}
          />
          {roleError && <p className="text-sm text-red-700">{roleError}</p>}
          {error && !zoneError && !roleError && <Notice tone="error">{errorMessage(error)}</Notice>}
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              Not now
            </Button>
            <Button type="submit" pending={pending} pendingLabel="Saving…">
              Make coach
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

export function MakeMemberButton({ userId, name }: { userId: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Make member"
      title={`Make ${name} a member?`}
      description="They leave the list of coaches members book. Their sessions, recurring bookings and weekly hours are kept, and their time zone comes back if you make them a coach again."
      confirmLabel="Make member"
      pendingLabel="Saving…"
      onConfirm={async () => {
        const result = await updateUserAction({ id: userId, role: "member" });
        if (!result.ok) return errorMessage(result.error);
        router.refresh();
        return null;
      }}
    />
  );
}
