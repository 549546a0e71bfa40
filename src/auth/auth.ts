// better-auth for Coachbook: email + password on the users/sessions/accounts/
// verifications tables of src/db/schema.ts, cookie sessions for the web and the
// bearer plugin for API clients (the token comes back in the `set-auth-token`
// header of sign-in; send it as `Authorization: Bearer <token>`).
//
// The instance needs the database, which opens asynchronously, so it is built
// on first use by getAuth() and cached on globalThis like the database.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { bearer } from "better-auth/plugins";
import { getDatabase } from "@/db";
import { accounts, sessions, userRole, users, verifications } from "@/db/schema";
import { resolveAuthSecret } from "./secret";

/** Sign-in attempts allowed per client address and window (seconds): slows password guessing. */
export const SIGN_IN_RATE_LIMIT = { window: 60, max: 10 } as const;

function localOrigins(request?: Request): string[] {
  const port = process.env.PORT ?? "3000";
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  if (request) {
    // The app served on another local port (next start -p …) trusts itself.
    const url = new URL(request.url);
    if (url.hostname === "localhost" || url.hostname === "127.0.0.1") origins.push(url.origin);
  }
  return origins;
}

function createAuth(db: Parameters<typeof drizzleAdapter>[0]) {
  return betterAuth({
    appName: "Coachbook",
    secret: resolveAuthSecret(),
    // Unset: better-auth reads BETTER_AUTH_URL, else derives it from the request.
    baseURL: process.env.BETTER_AUTH_URL || undefined,
    trustedOrigins: async (request) => localOrigins(request),
    database: drizzleAdapter(db, {
      provider: "pg",
      transaction: true,
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    // Default hashing (scrypt): `npm run user:create` writes accounts rows with
    // better-auth/crypto's hashPassword, and sign-in must verify them.
    emailAndPassword: { enabled: true },
    user: {
      additionalFields: {
        // Never settable from sign-up: every new account is a member.
        role: {
          type: [...userRole.enumValues],
          required: false,
          defaultValue: "member",
          input: false,
        },
      },
    },
    advanced: { database: { generateId: "uuid" } },
    rateLimit: {
      // On in every environment: memory storage is per server process, which
      // is what a single Node host and parallel test servers both want.
      enabled: true,
      storage: "memory",
      customRules: { "/sign-in/email": SIGN_IN_RATE_LIMIT },
    },
    telemetry: { enabled: false },
    plugins: [bearer()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const cache = globalThis as typeof globalThis & { __coachbookAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  if (!cache.__coachbookAuth) {
    const creating = getDatabase().then((handle) => createAuth(handle.db));
    cache.__coachbookAuth = creating;
    creating.catch(() => {
      if (cache.__coachbookAuth === creating) cache.__coachbookAuth = undefined;
    });
  }
  return cache.__coachbookAuth;
}
