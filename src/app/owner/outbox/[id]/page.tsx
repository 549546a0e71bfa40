// One message of the Outbox, as its recipient sees it: subject, plain text,
// the HTML version, and the calendar invitation attached; with its delivery
// state, and Retry when it failed.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RetryMessageButton } from "@/components/owner/retry-message-button";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { isAppError } from "@/domain/errors";
import { getOutboxMessage } from "@/server/outbox/get-outbox-message";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Message" };

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, db, zone } = await getViewer("owner");
  const { id } = await params;
  const message = await getOutboxMessage({ db, actor, input: { id } }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "not_found" || error.code === "invalid_input")) notFound();
    throw error;
  });
  const at = (instant: string | null) => (instant ? new Date(instant).toLocaleString("en-GB", { timeZone: zone, dateStyle: "medium", timeStyle: "short" }) : "—");

  return (
    <>
      <PageHeader title={message.subject} description={<Link href="/owner/outbox" className="underline">Back to the outbox</Link>} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)] lg:items-start">
        <Card>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">To</dt>
            <dd>
              {message.recipient.name} &lt;{message.to}&gt;
            </dd>
            <dt className="text-slate-600">Kind</dt>
            <dd>{message.kind.replace(/_/g, " ")}</dd>
            <dt className="text-slate-600">Language</dt>
            <dd>{message.language}</dd>
            <dt className="text-slate-600">State</dt>
            <dd>
              <Badge>{message.status}</Badge> {message.transport ? `via ${message.transport}` : null}
            </dd>
            <dt className="text-slate-600">Written</dt>
            <dd>{at(message.createdAt)}</dd>
            <dt className="text-slate-600">Sent</dt>
            <dd>{at(message.sentAt)}</dd>
            <dt className="text-slate-600">Attempts</dt>
            <dd>{message.attempts}</dd>
            {message.lastError ? (
              <>
                <dt className="text-slate-600">Last error</dt>
                <dd className="text-red-800">{message.lastError}</dd>
              </>
            ) : null}
          </dl>
          {message.status === "failed" ? (
            <div className="mt-4">
              <RetryMessageButton id={message.id} />
            </div>
          ) : null}
        </Card>
        <div className="grid gap-6">
          <Card>
            <h2 className="mb-2 text-lg font-semibold">Message</h2>
            <pre className="whitespace-pre-wrap break-words font-sans text-sm" data-testid="message-text">
              {message.text}
            </pre>
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-semibold">HTML version</h2>
            <iframe title="HTML version of the message" sandbox="" srcDoc={message.html} className="h-96 w-full rounded border border-slate-200 bg-white" />
          </Card>
          {message.calendar ? (
            <Card>
              <h2 className="mb-2 text-lg font-semibold">Calendar invitation (invite.ics, {message.calendar.method})</h2>
              {/* Scrolls (long lines, many events): focusable, so a keyboard can scroll it too. */}
              <pre tabIndex={0} className="max-h-80 overflow-auto whitespace-pre text-xs">
                {message.calendar.content}
              </pre>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
