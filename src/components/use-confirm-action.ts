"use client";
// useAction for a ConfirmButton: ConfirmButton's onConfirm answers the error
// message to show in its dialog (or null to close it), while useAction keeps
// the error in state, which the awaiting code cannot read yet. This keeps the
// last result's error beside it, so the dialog can say what went wrong.
import { useCallback, useRef } from "react";
import type { ActionResult } from "@/app/actions/action-result";
import { errorMessage, useAction, type ActionError } from "./use-action";

const UNREACHABLE = "Could not reach the server. Check your connection and try again.";

export function useConfirmAction<Input, Output>(action: (input: Input) => Promise<ActionResult<Output>>) {
  const lastError = useRef<ActionError | null>(null);
  const tracked = useCallback(
    async (input: Input) => {
      lastError.current = null;
      const result = await action(input);
      if (!result.ok) lastError.current = result.error;
      return result;
    },
    [action],
  );
  const { run, pending } = useAction(tracked);
  /** Runs the action: null when it succeeded (the page refreshes; `onSuccess` sees the data), else the message for the dialog. */
  const confirm = useCallback(
    async (input: Input, onSuccess?: (data: Output) => void): Promise<string | null> => {
      const data = await run(input);
      if (data !== null) {
        onSuccess?.(data);
        return null;
      }
      return lastError.current ? errorMessage(lastError.current) : UNREACHABLE;
    },
    [run],
  );
  return { confirm, pending };
}
