// better-auth's endpoints (sign-up, sign-in, sign-out, session) under /api/auth.
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/auth/auth";

export const dynamic = "force-dynamic";

const handler = async (request: Request) => (await getAuth()).handler(request);

export const { GET, POST, PATCH, PUT, DELETE } = toNextJsHandler(handler);
