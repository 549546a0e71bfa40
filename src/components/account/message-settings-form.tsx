"use client";
// The user's message settings: the language of their e-mails, the zone they
// show times in (empty: the default), the reminder before each session and,
// for the owner, the daily digest. Saved together through updateMe.
import { useState, type FormEvent } from "react";
import { updateMeAction } from "@/actions/account-actions";
import type { MeView } from "@/server/me/me-view";
import { Button } from "../ui/button";
import { Notice } from "../ui/card";
import { CheckboxField, SelectField, TextField } from "../ui/field";
import { errorMessage, useAction } from "../use-action";

/** `defaultZone`: what an empty zone means for this user, in words ("Europe/Paris", "your coaching time zone"). */
export function MessageSettingsForm({ me, defaultZone }: { me: MeView; defaultZone: string }) {
  const { run, pending, error, fieldError, clearError } = useAction(updateMeAction);
  const [locale, setLocale] = useState(me.locale);
  const [timezone, setTimezone] = useState(me.timezone ?? "");
  const [reminder, setReminder] = useState(me.reminder);
  const [emailDigest, setEmailDigest] = useState(me.emailDigest);
  const [saved, setSaved] = useState(false);
  const isOwner = me.role === "owner";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const zone = timezone.trim();
    const result = await run({
      locale,
      timezone: zone === "" ? null : zone,
      reminder,
      ...(isOwner ? { emailDigest } : {}),
    });
    if (result) setSaved(true);
  }

  const changed = () => {
    setSaved(false);
    clearError();
  };
  // A field's error shows under it; anything else (the digest included) below the form.
  const named = ["locale", "timezone", "reminder"].some((field) => fieldError(field));
  return (
    <form onSubmit={submit} noValidate className="grid max-w-md gap-4">
      <SelectField
        label="Language of your e-mails"
        name="locale"
        value={locale}
        onChange={(event) => (setLocale(event.target.value as MeView["locale"]), changed())}
        error={fieldError("locale")}
      >
        <option value="en">English</option>
        <option value="fr" lang="fr">
          Français
        </option>
      </SelectField>
      <TextField
        label="Time zone of your e-mails"
        name="timezone"
        value={timezone}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => (setTimezone(event.target.value), changed())}
        hint={`An IANA zone such as Europe/Paris. Leave it empty for the default (${defaultZone}).`}
        error={fieldError("timezone")}
      />
      <SelectField
        label="Session reminders"
        name="reminder"
        value={reminder}
        onChange={(event) => (setReminder(event.target.value as MeView["reminder"]), changed())}
        error={fieldError("reminder")}
      >
        <option value="off">Off</option>
        <option value="2h">2 hours before</option>
        <option value="24h">24 hours before</option>
      </SelectField>
      {isOwner && (
        <CheckboxField
          label="Daily digest"
          name="emailDigest"
          checked={emailDigest}
          onChange={(event) => (setEmailDigest(event.target.checked), changed())}
          hint="The studio's daily summary by e-mail."
        />
      )}
      {error && !named && <Notice tone="error">{errorMessage(error)}</Notice>}
      {saved && <Notice tone="success">Message settings saved.</Notice>}
      <Button type="submit" pending={pending} pendingLabel="Saving…" className="justify-self-start">
        Save message settings
      </Button>
    </form>
  );
}
