"use client";
// Which coach's calendar the owner sees: a plain GET form with a Show button
// (no switch on change, so moving through the list with the keyboard never
// leaves the page), which works before the page's script has loaded.
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";

export function CoachPicker({ coaches, selected, week }: { coaches: { id: string; name: string }[]; selected: string; week: string }) {
  return (
    <form key={selected} action="/owner/calendar" method="get" className="mb-5 flex flex-wrap items-end gap-2">
      <input type="hidden" name="week" value={week} />
      <SelectField label="Coach" name="coach" defaultValue={selected} className="min-w-56 flex-1 sm:flex-none">
        {coaches.map((coach) => (
          <option key={coach.id} value={coach.id}>
            {coach.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary">
        Show calendar
      </Button>
    </form>
  );
}
