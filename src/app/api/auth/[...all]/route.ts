// better-auth's endpoints (sign-up, sign-in, sign-out, session) under /api/auth.
// Bodies are read here, at most BODY_SIZE_LIMIT bytes, before better-auth
// sees them: it would buffer any size (12 × 200 MB once held 5 GB). Then
// sign-in, sign-up, password-reset and verification-e-mail requests pass
// through the shared rate limits (src/auth/auth-rate-limits.ts).
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/auth/auth";
import { withAuthRateLimits } from "@/auth/auth-rate-limits";
import { isAppError } from "@/domain/errors";
import { readBodyText } from "@/server/body-size-limit";
import { errorResponse } from "../../_lib/route";

export const dynamic = "force-dynamic";

const handler = async (request: Request) => {
  const bounded = await withBoundedBody(request);
  if (bounded instanceof Response) return bounded;
  return withAuthRateLimits(bounded, async (limited) => (await getAuth()).handler(limited));
};

/** The request with its body read within the limit, or the 413 answer. */
async function withBoundedBody(request: Request): Promise<Request | Response> {
  if (!request.body) return request;
  let text: string;
  try {
    text = await readBodyText(request);
  } catch (error) {
    if (isAppError(error)) return errorResponse(error);
    throw error;
  }
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return new Request(request.url, { method: request.method, headers, body: text, signal: request.signal });
}

export const { GET, POST, PATCH, PUT, DELETE } = toNextJsHandler(handler);
