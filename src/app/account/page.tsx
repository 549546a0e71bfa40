// Account: change the password (which signs out every other session) and
// manage personal API keys — create (the key is shown once), list, revoke.
import type { Metadata } from "next";
import { ApiKeyList } from "@/components/account/api-key-list";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { CreateApiKeyForm } from "@/components/account/create-api-key-form";
import { Card, PageHeader } from "@/components/ui/card";
import { listApiKeys } from "@/server/api-keys/list-api-keys";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const { actor, db, zone } = await getViewer("owner", "coach", "member");
  const keys = await listApiKeys({ db, actor });
  return (
    <>
      <PageHeader title="Account" description={`Signed in as ${actor.email}.`} />
      <div className="grid gap-6">
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
