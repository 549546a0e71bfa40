"use client";
// The owner adds a person: e-mail, name, role (and a coach's time zone).
// No password: they get a welcome e-mail with a link to choose one. The use
// case's messages appear under the field they name (a taken e-mail too).
import { useState, type FormEvent } from "react";
import { addUserAction } from "@/actions/user-actions";
import type { UserRole } from "@/db/schema";
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from "@/domain/limits";
import { Button } from "../ui/button";
import { Notice } from "../ui/card";
import { SelectField, TextField } from "../ui/field";
import { errorMessage, useAction } from "../use-action";
import { TimeZoneField } from "./time-zone-field";

const ROLES: Array<{ value: UserRole; label: string }> = [
  { value: "member", label: "Member" },
  { value: "coach", label: "Coach" },
  { value: "owner", label: "Owner" },
];

export function AddPersonForm({ businessZone }: { businessZone: string }) {
  const { run, pending, error, fieldError, clearError } = useAction(addUserAction);
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<UserRole>("member");
  const [zone, setZone] = useState("");
  const [added, setAdded] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(null);
    const trimmedName = name.trim();
    const trimmedZone = zone.trim();
    const user = await run({
      email,
      role,
      ...(trimmedName ? { name: trimmedName } : {}),
      ...(role === "coach" && trimmedZone ? { timezone: trimmedZone } : {}),
    });
    if (user) {
      setAdded(user.email);
      setEmail("");
      setName("");
      setZone("");
    }
  }

  const edited = () => (clearError(), setAdded(null));
  const named = ["email", "name", "role", "timezone"].some((field) => fieldError(field));
  return (
    <form onSubmit={submit} noValidate className="grid gap-3" aria-label="Add person">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="off"
          maxLength={MAX_EMAIL_LENGTH}
          value={email}
          onChange={(event) => (setEmail(event.target.value), edited())}
          error={fieldError("email")}
          required
        />
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          maxLength={MAX_NAME_LENGTH}
          value={name}
          onChange={(event) => (setName(event.target.value), edited())}
          hint="Optional: the part of the e-mail before the @ otherwise."
          error={fieldError("name")}
        />
        <SelectField
          label="Role"
          name="role"
          value={role}
          onChange={(event) => (setRole(event.target.value as UserRole), edited())}
          error={fieldError("role")}
        >
          {ROLES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        {role === "coach" && (
          <TimeZoneField
            name="timezone"
            value={zone}
            onChange={(event) => (setZone(event.target.value), edited())}
            hint={`The zone of their weekly hours. Empty: the business zone (${businessZone}).`}
            error={fieldError("timezone")}
          />
        )}
      </div>
      {error && !named && <Notice tone="error">{errorMessage(error)}</Notice>}
      {added && <Notice tone="success">Added {added}. We e-mailed them a link to choose their password (valid for 7 days).</Notice>}
      <div>
        <Button type="submit" pending={pending} pendingLabel="Adding…">
          Add person
        </Button>
      </div>
    </form>
  );
}
