// The Outbox: every message the studio sends (account mail, booking news,
// reminders, digests) with its recipient and delivery state, newest first.
// Without SMTP_URL this is where mail goes: open a message to read it as its
// recipient would.
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, Notice, PageHeader } from "@/components/ui/card";
import { outboxStatuses, type OutboxStatus } from "@/domain/message-kind";
import { formatDay, formatTime } from "@/lib/time-format";
import { mailSettings } from "@/server/messages/mail-transport";
import { listOutbox } from "@/server/outbox/list-outbox";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Outbox" };

const statusTone: Record<OutboxStatus, string> = {
  pending: "bg-amber-100 text-amber-900",
  sending: "bg-sky-100 text-sky-900",
  sent: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
};

function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  return <Badge className={statusTone[status]}>{status}</Badge>;
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { actor, db, zone } = await getViewer("owner");
  const requested = (await searchParams).status;
  const status = outboxStatuses.find((value) => value === requested);
  const messages = await listOutbox({ db, actor, input: { status, limit: 200 } });
  const smtp = mailSettings().smtpUrl !== null;

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every e-mail the studio sends: confirmations, cancellations, reminders, password resets and digests, with their delivery state."
      />
      {smtp ? null : (
        <Notice className="mb-4">
          No SMTP server is configured (<code>SMTP_URL</code>), so messages stay here: open one to read it as its recipient would.
        </Notice>
      )}
      <nav aria-label="Filter by status" className="mb-4 flex flex-wrap gap-2 text-sm">
        {[undefined, ...outboxStatuses].map((value) => (
          <Link
            key={value ?? "all"}
            href={value ? `/owner/outbox?status=${value}` : "/owner/outbox"}
            aria-current={value === status ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${value === status ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
          >
            {value ?? "All"}
          </Link>
        ))}
      </nav>
      {messages.length === 0 ? (
        <EmptyState title="No messages">{status ? `No ${status} message.` : "Messages appear here as soon as something happens."}</EmptyState>
      ) : (
        <Card className="overflow-x-auto p-0">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Messages, newest first</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Written</th>
                <th scope="col" className="px-4 py-2 font-medium">To</th>
                <th scope="col" className="px-4 py-2 font-medium">Subject</th>
                <th scope="col" className="px-4 py-2 font-medium">State</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id} className="border-b border-slate-100 last:border-0">
                  <td className="whitespace-nowrap px-4 py-2">{formatDay(message.createdAt, zone)} {formatTime(message.createdAt, zone)}</td>
                  <td className="px-4 py-2">
                    {message.recipient.name}
                    <span className="block text-xs text-slate-600">{message.to}</span>
                  </td>
                  <td className="px-4 py-2">
                    <Link href={`/owner/outbox/${message.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {message.subject}
                    </Link>
                    <span className="block text-xs text-slate-600">{message.kind.replace(/_/g, " ")}</span>
                  </td>
                  <td className="px-4 py-2">
                    <OutboxStatusBadge status={message.status} />
                    {message.lastError ? <span className="block max-w-xs truncate text-xs text-red-800" title={message.lastError}>{message.lastError}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
