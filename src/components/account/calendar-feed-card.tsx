"use client";
// The user's private calendar feed: its address to paste into a calendar
// app, a webcal:// link that opens one to subscribe, a new address (the old
// one stops working) and turning it off. Off: one button turns it on.
import { useId } from "react";
import { revokeCalendarFeedAction, rotateCalendarFeedAction, turnOnCalendarFeedAction } from "@/actions/account-actions";
import type { CalendarFeedView } from "@/server/calendar-feed/calendar-feed-view";
import { Button, buttonClasses } from "../ui/button";
import { Notice } from "../ui/card";
import { ConfirmButton } from "../ui/dialog";
import { errorMessage, useAction } from "../use-action";

export function CalendarFeedCard({ feed }: { feed: CalendarFeedView | null }) {
  const turnOn = useAction(turnOnCalendarFeedAction);
  const rotate = useAction(rotateCalendarFeedAction);
  const revoke = useAction(revokeCalendarFeedAction);
  const urlId = useId();

  if (!feed) {
    return (
      <div className="grid gap-3">
        <p className="text-sm text-slate-700">Your calendar feed is off.</p>
        {turnOn.error && <Notice tone="error">{errorMessage(turnOn.error)}</Notice>}
        <Button
          variant="secondary"
          pending={turnOn.pending}
          pendingLabel="Turning on…"
          className="justify-self-start"
          onClick={() => void turnOn.run(undefined)}
        >
          Turn on the calendar feed
        </Button>
      </div>
    );
  }

  return (
    <div className="grid gap-3">
      <div className="grid gap-1">
        <label htmlFor={urlId} className="text-sm font-medium text-slate-800">
          Your feed&apos;s address
        </label>
        <input
          id={urlId}
          readOnly
          value={feed.url}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full min-h-11 rounded-lg border border-slate-300 bg-slate-50 px-3 font-mono text-sm text-slate-900"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <a href={feed.webcalUrl} className={buttonClasses("primary", "sm")}>
          Subscribe<span className="sr-only"> in your calendar app</span>
        </a>
        <ConfirmButton
          label="New address"
          title="Get a new address?"
          description="The current address stops working at once: calendars subscribed to it stop updating. Subscribe again with the new one."
          confirmLabel="Get a new address"
          pendingLabel="Replacing…"
          onConfirm={() => rotate.confirm(undefined)}
        />
        <ConfirmButton
          label="Turn off"
          title="Turn the calendar feed off?"
          description="Its address stops working at once: calendars subscribed to it stop updating. You can turn it on again later, at a new address."
          confirmLabel="Turn off"
          pendingLabel="Turning off…"
          onConfirm={() => revoke.confirm(undefined)}
        />
      </div>
    </div>
  );
}
