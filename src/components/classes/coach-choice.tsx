"use client";
// Which coach's classes the owner sees: a plain GET form with a Show
// button, as on the owner's calendars (no switch on change, so moving
// through the list with the keyboard never leaves the page).
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";

export function CoachChoice({ coaches, selected, week }: { coaches: { id: string; name: string }[]; selected: string; week: string | null }) {
  return (
    <form key={selected} action="/owner/classes" method="get" className="mb-5 flex flex-wrap items-end gap-2">
      {week && <input type="hidden" name="week" value={week} />}
      <SelectField label="Coach" name="coach" defaultValue={selected} className="min-w-56 flex-1 sm:flex-none">
        {coaches.map((coach) => (
          <option key={coach.id} value={coach.id}>
            {coach.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary">
        Show classes
      </Button>
    </form>
  );
}
