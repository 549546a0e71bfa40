"use server";
// Server actions of the account page: create and revoke the signed-in user's
// personal API keys; message settings; the calendar feed. Each calls one use
// case; the password change goes to better-auth from the browser (it
// replaces the session cookie).
import { headers } from "next/headers";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import { getCalendarFeed } from "@/server/calendar-feed/get-calendar-feed";
import { revokeCalendarFeed } from "@/server/calendar-feed/revoke-calendar-feed";
import { rotateCalendarFeed } from "@/server/calendar-feed/rotate-calendar-feed";
import { updateMe, type UpdateMeInput } from "@/server/me/update-me";
import { publicBaseUrlFromHeaders } from "@/server/public-url";
import { runAction } from "./action-result";

export async function createApiKeyAction(input: { name: string }) {
  return runAction("createApiKey", ({ db, actor }) => createApiKey({ db, actor, input }));
}

export async function revokeApiKeyAction(input: { id: string }) {
  return runAction("revokeApiKey", ({ db, actor }) => revokeApiKey({ db, actor, input }));
}

// Messages and the calendar feed: the user's own settings, through the same
// use cases as /api/v1/me. The feed's address is built on the app's public
// origin (publicBaseUrlFromHeaders: APP_URL, BETTER_AUTH_URL, else this request's Host).

export async function updateMeAction(input: UpdateMeInput) {
  return runAction("updateMe", ({ db, actor }) => updateMe({ db, actor, input }));
}

export async function turnOnCalendarFeedAction() {
  return runAction("getCalendarFeed", async ({ db, actor }) =>
    getCalendarFeed({ db, actor, baseUrl: publicBaseUrlFromHeaders(await headers()) }),
  );
}

export async function rotateCalendarFeedAction() {
  return runAction("rotateCalendarFeed", async ({ db, actor }) =>
    rotateCalendarFeed({ db, actor, baseUrl: publicBaseUrlFromHeaders(await headers()) }),
  );
}

export async function revokeCalendarFeedAction() {
  return runAction("revokeCalendarFeed", ({ db, actor }) => revokeCalendarFeed({ db, actor }));
}
