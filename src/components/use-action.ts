"use client";
// Runs a server action from a client component: pending state, the error
// (with per-field messages from the use case) and a refresh of the page's
// server data after a success. Every form and button that changes
// something goes through this, so none forgets its loading or error state.
import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import type { ActionResult } from "@/actions/action-result";

export type ActionError = Extract<ActionResult<unknown>, { ok: false }>["error"];

const UNREACHABLE: ActionError = { code: "internal", message: "Could not reach the server. Check your connection and try again." };

export function useAction<Input, Output>(action: (input: Input) => Promise<ActionResult<Output>>) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);

  const execute = useCallback(
    (input: Input): Promise<ActionResult<Output>> =>
      new Promise((resolve) => {
        startTransition(async () => {
          let result: ActionResult<Output>;
          try {
            result = await action(input);
          } catch {
            result = { ok: false, error: UNREACHABLE };
          }
          if (result.ok) {
            setError(null);
            router.refresh();
          } else {
            setError(result.error);
          }
          resolve(result);
        });
      }),
    [action, router],
  );

  /** Runs the action; answers its data, or null after showing the error. */
  const run = useCallback(async (input: Input): Promise<Output | null> => {
    const result = await execute(input);
    return result.ok ? result.data : null;
  }, [execute]);

  /**
   * For a ConfirmButton's onConfirm: runs the action and answers null when it
   * succeeded (after `onSuccess`), else the message for the dialog.
   */
  const confirm = useCallback(
    async (input: Input, onSuccess?: (data: Output) => void): Promise<string | null> => {
      const result = await execute(input);
      if (!result.ok) return errorMessage(result.error);
      onSuccess?.(result.data);
      return null;
    },
    [execute],
  );

  return {
    run,
    confirm,
    pending,
    error,
    clearError: () => setError(null),
    /** The use case's message for one input field, if it named it. */
    fieldError: (field: string): string | undefined => error?.fields?.[field],
  };
}

/** An action's error as one sentence, for a dialog that has no fields. */
export function errorMessage(error: ActionError): string {
  return error.code === "internal" && error.message === "Internal error"
    ? "Something went wrong on our side. Try again."
    : error.message;
}
