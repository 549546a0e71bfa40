// Account: change the password (which signs out every other session),
// message settings (language, zone, reminders, the owner's digest), the
// private calendar feed, and personal API keys — create (the key is shown
// once), list, revoke.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { ApiKeyList } from "@/components/account/api-key-list";
import { CalendarFeedCard } from "@/components/account/calendar-feed-card";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { CreateApiKeyForm } from "@/components/account/create-api-key-form";
import { EmailVerificationCard } from "@/components/account/email-verification-card";
import { MessageSettingsForm } from "@/components/account/message-settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { listApiKeys } from "@/server/api-keys/list-api-keys";
import { findCalendarFeed } from "@/server/calendar-feed/find-calendar-feed";
import { businessTimeZone } from "@/server/config";
import { getMe } from "@/server/me/get-me";
import { publicBaseUrlFromHeaders } from "@/server/public-url";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const { actor, db, zone } = await getViewer("owner", "coach", "member");
  const keys = await listApiKeys({ db, actor });
  const baseUrl = publicBaseUrlFromHeaders(await headers());
  const [me, feed] = await Promise.all([getMe({ db, actor }), findCalendarFeed({ db, actor, baseUrl })]);
  return (
    <>
      <PageHeader title="Account" description={`Signed in as ${actor.email}.`} />
      <div className="grid gap-6">
        <EmailVerificationCard />
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Password</h2>
          <p className="mt-1 text-sm text-slate-600">
            Changing it signs you out everywhere else: other browsers, phones and session tokens.
          </p>
          <div className="mt-4">
            <ChangePasswordForm />
          </div>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Messages</h2>
          <p className="mt-1 text-sm text-slate-600">How the e-mails about your sessions reach you.</p>
          <div className="mt-4">
            <MessageSettingsForm
              me={me}
              defaultZone={actor.role === "coach" ? "your coaching time zone" : businessTimeZone()}
            />
          </div>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Calendar feed</h2>
          <p className="mt-1 text-sm text-slate-600">
            Your sessions in Google Calendar, Apple Calendar or Outlook: subscribe to this private address. Anyone who has
            it can see your sessions, so keep it to yourself.
          </p>
          <div className="mt-4">
            <CalendarFeedCard feed={feed} />
          </div>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">API keys</h2>
          <p className="mt-1 text-sm text-slate-600">
            For scripts and integrations: send <code>Authorization: Bearer &lt;key&gt;</code> to <code>/api/v1</code>. A key
            acts as you, with your role, until you revoke it.
          </p>
          <div className="mt-4 grid gap-4">
            <CreateApiKeyForm />
            <ApiKeyList keys={keys} zone={zone} />
          </div>
        </Card>
      </div>
    </>
  );
}
