"use client";
// The user's API keys: name, first characters, when created and last used;
// revoke one (confirmed). Revoked keys stay listed, marked, for the record.
import { revokeApiKeyAction } from "@/actions/account-actions";
import { formatDay, formatTime } from "@/lib/time-format";
import type { ApiKeyView } from "@/server/api-keys/api-key-view";
import { ConfirmButton } from "../ui/dialog";
import { EmptyState } from "../ui/card";
import { useAction } from "../use-action";

export function ApiKeyList({ keys, zone }: { keys: ApiKeyView[]; zone: string }) {
  const { confirm } = useAction(revokeApiKeyAction);
  if (keys.length === 0) return <EmptyState title="No API keys yet" />;
  const when = (instant: string) => `${formatDay(instant, zone, true)}, ${formatTime(instant, zone)}`;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" aria-label="Your API keys">
      {keys.map((key) => (
        <li key={key.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-3">
          <div className="min-w-0">
            <p className="font-medium text-slate-900">
              {key.name} <code className="text-sm text-slate-600">{key.prefix}…</code>
            </p>
            <p className="text-xs text-slate-600">
              Created {when(key.createdAt)} · {key.lastUsedAt ? `last used ${when(key.lastUsedAt)}` : "never used"}
              {key.revokedAt && ` · revoked ${when(key.revokedAt)}`}
            </p>
          </div>
          {key.revokedAt ? (
            <span className="text-sm text-slate-600">Revoked</span>
          ) : (
            <ConfirmButton
              label={<>Revoke<span className="sr-only"> {key.name}</span></>}
              title={`Revoke “${key.name}”?`}
              description="Scripts using this key get 401 from their next request on. This cannot be undone."
              confirmLabel="Revoke key"
              pendingLabel="Revoking…"
              onConfirm={() => confirm({ id: key.id })}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
