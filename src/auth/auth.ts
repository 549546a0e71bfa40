// better-auth for Coachbook: email + password on the users/sessions/accounts/
// verifications tables of src/db/schema.ts, cookie sessions for the web and the
// bearer plugin for API clients (the token comes back in the `set-auth-token`
// header of sign-in; send it as `Authorization: Bearer <token>`).
//
// The instance needs the database, which opens asynchronously, so it is built
// on first use by getAuth() and cached on globalThis like the database.
//
// Rate limits are not better-auth's (its store is per process): sign-in and
// sign-up are limited in PostgreSQL by auth-rate-limits.ts around the route.
// The password rule, name and e-mail lengths, and "a password change signs
// out every other session" are enforced here, in better-auth's before-hooks,
// so they hold for HTTP and for server-side auth.api calls alike.
//
// Account e-mails go through the outbox (src/server/messages): a password
// reset (better-auth's own flow: a one-hour token, every session ended when
// the password is set) and the e-mail verification sent at sign-up (offered,
// never required to sign in; a studio setting may require it to book). A new
// account's language and time zone come from the browser that signs up
// (sign-up-preferences.ts), never from the body.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { bearer } from "better-auth/plugins";
import { getDatabase } from "@/db";
import { accounts, sessions, userRole, users, verifications } from "@/db/schema";
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/domain/limits";
import { enqueueMessage } from "@/server/messages/enqueue";
import { PASSWORD_RESET_LINK_SECONDS } from "./password-reset-link";
import { passwordProblem } from "./password-policy";
import { resolveAuthSecret } from "./secret";
import { signUpPreferences } from "./sign-up-preferences";
import { trustedOrigins } from "./trusted-origins";

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** 400 naming each bad field, in better-auth's error shape plus `fields` (like the REST API's). */
function invalidFields(fields: Record<string, string>): APIError {
  const detail = Object.entries(fields)
    .map(([field, reason]) => `${field}: ${reason}`)
    .join("; ");
  return new APIError("BAD_REQUEST", { message: `Invalid input (${detail})`, code: "INVALID_INPUT", fields });
}

function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === "string" ? value : undefined;
}

function nameProblem(name: string | undefined): string | null {
  if (name === undefined) return null;
  if (name.trim().length === 0) return "Must not be empty";
  if (name.length > MAX_NAME_LENGTH) return `At most ${MAX_NAME_LENGTH} characters`;
  return null;
}

/** Checks (and for a password change, amends) the body of the endpoints that set a name or a password. */
async function checkAccountInput(ctx: HookContext) {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  switch (ctx.path) {
    case "/sign-up/email": {
      const email = stringField(body, "email");
      if (email !== undefined && email.length > MAX_EMAIL_LENGTH) fields.email = `At most ${MAX_EMAIL_LENGTH} characters`;
      const name = nameProblem(stringField(body, "name"));
      if (name) fields.name = name;
      const password = stringField(body, "password");
      const problem = password === undefined ? null : passwordProblem(password, { email });
      if (problem) fields.password = problem;
      break;
    }
    case "/update-user": {
      const name = nameProblem(stringField(body, "name"));
      if (name) fields.name = name;
      break;
    }
    case "/reset-password": {
      const password = stringField(body, "newPassword");
      const problem = password === undefined ? null : passwordProblem(password);
      if (problem) fields.newPassword = problem;
      break;
    }
    case "/change-password": {
      const password = stringField(body, "newPassword");
      const session = password === undefined ? null : await getSessionFromCtx(ctx).catch(() => null);
      const problem = password === undefined ? null : passwordProblem(password, { email: session?.user.email });
      if (problem) fields.newPassword = problem;
      if (Object.keys(fields).length > 0) throw invalidFields(fields);
      // Whoever knew the old password may hold another session: always end them.
      return { context: { body: { ...body, revokeOtherSessions: true } } };
    }
    default:
      return;
  }
  if (Object.keys(fields).length > 0) throw invalidFields(fields);
}

function createAuth(db: Parameters<typeof drizzleAdapter>[0]) {
  return betterAuth({
    appName: "Coachbook",
    secret: resolveAuthSecret(),
    // Unset: better-auth reads BETTER_AUTH_URL, else derives it from the request.
    baseURL: process.env.BETTER_AUTH_URL || undefined,
    trustedOrigins: async (request) => trustedOrigins(request),
    database: drizzleAdapter(db, {
      provider: "pg",
      transaction: true,
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    // Default hashing (scrypt): `npm run user:create` writes accounts rows with
    // better-auth/crypto's hashPassword, and sign-in must verify them.
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      // POST /request-password-reset answers the same whether the address has
      // an account or not; for one that has, the link is in the outbox before
      // the answer leaves (awaited: better-auth runs no background tasks here).
      sendResetPassword: async ({ user, url }) => {
        await enqueueAccountMessage("password_reset", user.id, { url });
      },
      resetPasswordTokenExpiresIn: PASSWORD_RESET_LINK_SECONDS,
      // Whoever reset the password may not be the only one who knew the old one.
      revokeSessionsOnPasswordReset: true,
    },
    emailVerification: {
      // Sent at sign-up (after its transaction commits) and from the Account
      // page. Signing in never requires it (emailAndPassword.requireEmailVerification
      // stays off); studio_settings.require_verified_email may require it to book.
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url }) => {
        await enqueueAccountMessage("email_verification", user.id, { url });
      },
    },
    hooks: { before: createAuthMiddleware(checkAccountInput) },
    databaseHooks: {
      user: {
        create: {
          // Only sign-up creates users through better-auth (the shell, the
          // seed and the owner use createUser): the browser's language and zone.
          before: async (user, context) => ({
            data: { ...user, ...signUpPreferences(context?.headers ?? context?.request?.headers) },
          }),
        },
      },
    },
    user: {
      additionalFields: {
        // Never settable from sign-up: every new account is a member.
        role: {
          type: [...userRole.enumValues],
          required: false,
          defaultValue: "member",
          input: false,
        },
        // Set by databaseHooks.user.create from the request's headers, never from its body.
        locale: { type: "string", required: false, defaultValue: "en", input: false, returned: false },
        timezone: { type: "string", required: false, input: false, returned: false },
      },
    },
    advanced: { database: { generateId: "uuid" } },
    // Off: its memory store counted per process and trusted X-Forwarded-For.
    // The limits live in PostgreSQL instead (auth-rate-limits.ts).
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    plugins: [bearer()],
  });
}

/** An account e-mail into the outbox, on the app's own handle (the user's row is committed by then). */
async function enqueueAccountMessage(kind: "password_reset" | "email_verification", userId: string, payload: { url: string }) {
  const { db } = await getDatabase();
  await enqueueMessage(db, { kind, recipientId: userId, payload });
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
