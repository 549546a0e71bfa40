"use client";
// The coach's weekly hours, edited day by day (add or remove ranges) and
// saved as a whole week through replaceWeeklyAvailability. The use case
// names a bad range by its place in the saved list (rules.2.endTime); the
// editor keeps that list in the order it sends, so each error lands under
// its own field. Sessions the new week leaves outside availability are
// listed after saving, kept, and cancelled only if the coach asks.
import { useRef, useState } from "react";
import { replaceWeeklyAvailabilityAction } from "@/actions/availability-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { errorMessage, useAction } from "@/components/use-action";
import { cn } from "@/lib/cn";
import { DAY_NAMES, zoneName } from "@/lib/time-format";
import type { SessionView } from "@/server/sessions/session-view";
import { AffectedSessionList } from "./time-views";

interface Rule {
  dayOfWeek: number;
  startTime: string;
  endTime: string;
}

interface EditedRule extends Rule {
  key: number;
}

/** Monday first, as people read a week. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** A new range on a day: after the day's last one, else a morning. */
function nextRange(day: readonly Rule[]): { startTime: string; endTime: string } {
  const last = day.at(-1);
  if (!last) return { startTime: "09:00", endTime: "12:00" };
  const [hours, minutes] = last.endTime.split(":").map(Number);
  const end = Math.min(hours! * 60 + minutes! + 60, 23 * 60 + 59);
  const pad = (value: number) => String(value).padStart(2, "0");
  return { startTime: last.endTime, endTime: `${pad(Math.floor(end / 60))}:${pad(end % 60)}` };
}

export function WeeklyHoursEditor({
  coachId,
  coachZone,
  viewerZone,
  initialRules,
}: {
  coachId: string;
  coachZone: string;
  viewerZone: string;
  initialRules: readonly Rule[];
}) {
  const nextKey = useRef(initialRules.length);
  const [rules, setRules] = useState<EditedRule[]>(() => initialRules.map((rule, key) => ({ ...rule, key })));
  const [outcome, setOutcome] = useState<{ affected: SessionView[]; cancelled: number } | null>(null);
  /** Which of the two buttons is running, so only it shows the pending state. */
  const [cancelling, setCancelling] = useState(false);
  const save = useAction(replaceWeeklyAvailabilityAction);

  function update(key: number, change: Partial<Rule>) {
    setOutcome(null);
    setRules((current) => current.map((rule) => (rule.key === key ? { ...rule, ...change } : rule)));
  }
  function remove(key: number) {
    setOutcome(null);
    setRules((current) => current.filter((rule) => rule.key !== key));
  }
  function add(dayOfWeek: number) {
    setOutcome(null);
    setRules((current) => [...current, { key: nextKey.current++, dayOfWeek, ...nextRange(current.filter((rule) => rule.dayOfWeek === dayOfWeek)) }]);
  }
  async function submit(cancelAffected: boolean) {
    setCancelling(cancelAffected);
    const result = await save.run({
      coachId,
      rules: rules.map(({ dayOfWeek, startTime, endTime }) => ({ dayOfWeek, startTime, endTime })),
      cancelAffected,
    });
    if (result) setOutcome({ affected: result.affected, cancelled: result.cancelled });
  }

  const ruleErrors = save.error?.fields ? Object.keys(save.error.fields).some((field) => field.startsWith("rules.")) : false;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit(false);
      }}
      noValidate
    >
      <p className="text-sm text-slate-600">
        The hours members can book you each week, in {zoneName(coachZone)}
        {coachZone !== viewerZone && <> (your zone; this page shows other times in {zoneName(viewerZone)})</>}. Ranges on one
        day may touch but not overlap.
      </p>
      <ul className="mt-4 grid gap-3 md:grid-cols-2">
        {WEEK_ORDER.map((dayOfWeek) => {
          const dayName = DAY_NAMES[dayOfWeek]!;
          const day = rules.map((rule, index) => ({ rule, index })).filter(({ rule }) => rule.dayOfWeek === dayOfWeek);
          return (
            <li key={dayOfWeek} className="rounded-lg border border-slate-200 p-3">
              <fieldset>
                <legend className="text-sm font-semibold text-slate-900">{dayName}</legend>
                {day.length === 0 && <p className="mt-1 text-sm text-slate-500">Not available</p>}
                <ul className="mt-2 grid gap-2">
                  {day.map(({ rule, index }, position) => {
                    const name = `${dayName}, range ${position + 1}: `;
                    return (
                      <li key={rule.key} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] items-start gap-1.5 sm:gap-2 [&>*]:min-w-0 [&_input]:px-2 sm:[&_input]:px-3">
                        <TextField
                          type="time"
                          label={<FieldLabel prefix={name} text="From" visible={position === 0} />}
                          value={rule.startTime}
                          onChange={(event) => update(rule.key, { startTime: event.target.value })}
                          error={save.fieldError(`rules.${index}.startTime`)}
                          required
                        />
                        <TextField
                          type="time"
                          label={<FieldLabel prefix={name} text="Until" visible={position === 0} />}
                          value={rule.endTime}
                          onChange={(event) => update(rule.key, { endTime: event.target.value })}
                          error={save.fieldError(`rules.${index}.endTime`)}
                          required
                        />
                        <Button variant="ghost" className={cn("px-2 sm:px-3", position === 0 ? "mt-6" : "mt-1")} onClick={() => remove(rule.key)} title="Remove these hours">
                          <span aria-hidden="true">✕</span>
                          <span className="sr-only">Remove {dayName} range {position + 1}</span>
                        </Button>
                      </li>
                    );
                  })}
                </ul>
                <Button variant="secondary" size="sm" className="mt-2" onClick={() => add(dayOfWeek)}>
                  + Add hours<span className="sr-only"> on {dayName}</span>
                </Button>
              </fieldset>
            </li>
          );
        })}
      </ul>

      <div className="mt-4 grid gap-3">
        {save.error && (
          <Notice tone="error">
            {ruleErrors ? "Some hours need fixing: see the messages under them. Nothing was saved." : errorMessage(save.error)}
          </Notice>
        )}
        {outcome && outcome.affected.length === 0 && <Notice tone="success">Weekly hours saved.</Notice>}
        {outcome && outcome.affected.length > 0 && outcome.cancelled === 0 && (
          <Notice tone="warning">
            <p>
              Weekly hours saved. {outcome.affected.length === 1 ? "This upcoming session is" : `These ${outcome.affected.length} upcoming sessions are`} now
              outside your hours. They are kept unless you cancel them:
            </p>
            <AffectedSessionList sessions={outcome.affected} zone={viewerZone} />
            <Button variant="danger" size="sm" className="mt-3" onClick={() => void submit(true)} pending={save.pending && cancelling} disabled={save.pending} pendingLabel="Cancelling…">
              Cancel {outcome.affected.length === 1 ? "this session" : "these sessions"}
            </Button>
          </Notice>
        )}
        {outcome && outcome.cancelled > 0 && (
          <Notice tone="success">
            Weekly hours saved; {outcome.cancelled} session{outcome.cancelled === 1 ? "" : "s"} outside them cancelled.
          </Notice>
        )}
        <div>
          <Button type="submit" pending={save.pending && !cancelling} disabled={save.pending} pendingLabel="Saving…">
            Save weekly hours
          </Button>
        </div>
      </div>
    </form>
  );
}

/** "From" above the first range of a day only; every field still names its day and range for screen readers. */
function FieldLabel({ prefix, text, visible }: { prefix: string; text: string; visible: boolean }) {
  return (
    <>
      <span className="sr-only">{prefix}</span>
      <span className={visible ? undefined : "sr-only"}>{text}</span>
    </>
  );
}
