"use client";
// Creates a personal API key and shows its secret once, with a copy field:
// it is never shown again (only a hash is kept).
import { useState, type FormEvent } from "react";
import { createApiKeyAction } from "@/actions/account-actions";
import { MAX_NAME_LENGTH } from "@/domain/limits";
import { Button } from "../ui/button";
import { Notice } from "../ui/card";
import { TextField } from "../ui/field";
import { errorMessage, useAction } from "../use-action";

export function CreateApiKeyForm() {
  const { run, pending, error, fieldError, clearError } = useAction(createApiKeyAction);
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const result = await run({ name });
    if (result) {
      setCreated({ name: result.apiKey.name, key: result.key });
      setName("");
    }
  }

  const nameError = fieldError("name");
  return (
    <div className="grid gap-3">
      <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-2">
        <TextField
          label="New key's name"
          name="name"
          value={name}
          maxLength={MAX_NAME_LENGTH}
          onChange={(event) => {
            setName(event.target.value);
            clearError();
          }}
          hint="What uses it, e.g. “Zapier” or “reporting script”."
          error={nameError}
          className="min-w-0 flex-1 basis-56 sm:max-w-md"
        />
        <Button type="submit" variant="secondary" pending={pending} pendingLabel="Creating…" className="sm:mt-6">
          Create API key
        </Button>
      </form>
      {error && !nameError && <Notice tone="error">{errorMessage(error)}</Notice>}
      {created && (
        <Notice tone="success">
          <p>
            Key “{created.name}” created. Copy it now: it will not be shown again.
          </p>
          <label className="mt-2 block text-xs font-medium" htmlFor="new-api-key">
            Your new API key
          </label>
          <input
            id="new-api-key"
            readOnly
            value={created.key}
            onFocus={(event) => event.currentTarget.select()}
            className="mt-1 block w-full rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-sm text-slate-900"
          />
        </Notice>
      )}
    </div>
  );
}
