"use client";
// Signs out through better-auth (which clears the session cookie) and goes
// back to the landing page.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "./ui/button";

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      pending={pending}
      pendingLabel="Signing out…"
      onClick={async () => {
        setPending(true);
        try {
          await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
        } finally {
          router.replace("/");
          router.refresh();
        }
      }}
    >
      Sign out
    </Button>
  );
}
