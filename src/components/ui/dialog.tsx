"use client";
// A modal dialog on Radix's primitive (focus trap, Escape, aria wiring), and
// the confirm dialog every destructive action goes through: it states what
// will happen, may ask for a reason, shows the pending state and the error.
import { Dialog as RadixDialog } from "radix-ui";
import { useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { Button, type ButtonProps } from "./button";
import { Notice } from "./card";

export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  className,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <RadixDialog.Content
          className={cn(
            "fixed inset-x-0 bottom-0 z-50 max-h-[90dvh] overflow-y-auto rounded-t-2xl bg-white p-5 shadow-xl",
            "sm:inset-auto sm:left-1/2 sm:top-1/2 sm:w-full sm:max-w-lg sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-2xl",
            className,
          )}
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
          {description && <RadixDialog.Description className="mt-1 text-sm text-slate-600">{description}</RadixDialog.Description>}
          <div className="mt-4">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/**
 * A button that opens a confirmation. `onConfirm` answers an error message
 * (shown in the dialog) or null (the dialog closes).
 */
export function ConfirmButton({
  label,
  title,
  description,
  confirmLabel,
  pendingLabel,
  variant = "secondary",
  confirmVariant = "danger",
  size = "sm",
  reasonLabel,
  onConfirm,
}: {
  label: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  variant?: ButtonProps["variant"];
  confirmVariant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  /** When set, the dialog asks for an optional reason. */
  reasonLabel?: string;
  onConfirm: (reason: string) => Promise<string | null>;
}) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState("");

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      const problem = await onConfirm(reason.trim());
      if (problem) setError(problem);
      else setOpen(false);
    } catch {
      setError("Could not reach the server. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button variant={variant} size={size} onClick={() => (setError(null), setOpen(true))}>
        {label}
      </Button>
      <Dialog open={open} onOpenChange={(next) => !pending && setOpen(next)} title={title} description={description}>
        {reasonLabel && (
          <label className="grid gap-1 text-sm font-medium text-slate-800">
            {reasonLabel}
            <textarea
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              maxLength={500}
              rows={2}
              className="rounded-lg border border-slate-300 px-3 py-2 text-base font-normal sm:text-sm"
            />
          </label>
        )}
        {error && (
          <Notice tone="error" className="mt-3">
            {error}
          </Notice>
        )}
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
            Keep it
          </Button>
          <Button variant={confirmVariant} onClick={confirm} pending={pending} pendingLabel={pendingLabel}>
            {confirmLabel}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
