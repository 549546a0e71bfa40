"use client";
// Asks better-auth to e-mail a new verification link to the signed-in user's
// own address (POST /api/auth/send-verification-email; limited per address
// and per e-mail). The link brings them back to the Account page.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "../ui/button";
import { Notice } from "../ui/card";

export function SendVerificationButton({ email }: { email: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  async function send() {
    setPending(true);
    setOutcome(null);
    try {
      const response = await fetch("/api/auth/send-verification-email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, callbackURL: "/account" }),
      });
      if (response.ok) {
        setOutcome({ tone: "success", text: `We sent a link to ${email}. Open it to verify your address.` });
        return;
      }
      if (response.status === 429) {
        const seconds = Number(response.headers.get("retry-after"));
        const wait = seconds > 90 ? `${Math.ceil(seconds / 60)} minutes` : seconds > 0 ? `${seconds} seconds` : "a while";
        setOutcome({ tone: "error", text: `Too many e-mails asked for. Wait ${wait} and try again.` });
        return;
      }
      const answer = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
      if (answer.code === "EMAIL_ALREADY_VERIFIED") {
        router.refresh();
        return;
      }
      setOutcome({ tone: "error", text: answer.message ?? "That did not work. Try again." });
    } catch {
      setOutcome({ tone: "error", text: "Could not reach the server. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="grid gap-2">
      <div>
        <Button variant="secondary" onClick={send} pending={pending} pendingLabel="Sending…">
          Send verification e-mail
        </Button>
      </div>
      {outcome && <Notice tone={outcome.tone}>{outcome.text}</Notice>}
    </div>
  );
}
