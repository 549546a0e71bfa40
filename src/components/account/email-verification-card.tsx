// The Account page's e-mail card: whether the signed-in user's address is
// verified and, when it is not, a button that e-mails a new verification
// link (better-auth's; it leads back to the Account page, signed in).
import { getMe } from "@/server/me/get-me";
import { getViewer } from "@/server/viewer";
import { Card } from "../ui/card";
import { SendVerificationButton } from "./send-verification-button";

export async function EmailVerificationCard() {
  const { actor, db } = await getViewer("owner", "coach", "member");
  const me = await getMe({ db, actor });
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">E-mail address</h2>
      <p className="mt-1 text-sm text-slate-600" data-testid="email-verification">
        E-mail: <span className="font-medium text-slate-900">{me.email}</span> —{" "}
        {me.emailVerified ? (
          <span className="font-medium text-emerald-800">verified</span>
        ) : (
          <span className="font-medium text-amber-800">not verified</span>
        )}
      </p>
      {!me.emailVerified && (
        <div className="mt-4 grid gap-2">
          <p className="text-sm text-slate-600">
            Open the link we e-mailed you to confirm the address. The studio may require it before you book.
          </p>
          <SendVerificationButton email={me.email} />
        </div>
      )}
    </Card>
  );
}
