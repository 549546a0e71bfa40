// better-auth's endpoints (sign-up, sign-in, sign-out, session) under /api/auth.
// Sign-in and sign-up pass through the shared rate limits first
// (src/auth/auth-rate-limits.ts).
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/auth/auth";
import { withAuthRateLimits } from "@/auth/auth-rate-limits";

export const dynamic = "force-dynamic";

const handler = async (request: Request) => withAuthRateLimits(request, async (limited) => (await getAuth()).handler(limited));

export const { GET, POST, PATCH, PUT, DELETE } = toNextJsHandler(handler);
