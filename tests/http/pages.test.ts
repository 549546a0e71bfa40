// The web pages' doors, over plain HTTP (no JavaScript): a signed-out visit
// to a role's page is a real 307 to sign-in, another role's page a 307 to
// /not-allowed whose body holds nothing of that page, and the right role
// gets its page rendered in the zone its browser told us.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUserWithPassword, signInForToken, startAppServer, type AppServer } from "../helpers/app-server";

let server: AppServer;
const tokens: Record<"member" | "owner", string> = { member: "", owner: "" };

beforeAll(async () => {
  server = await startAppServer({
    prepare: async (handle) => {
      await insertUserWithPassword(handle, { email: "owner@pages.test", name: "Olga Owner", role: "owner", password: "owner-password" });
      await insertUserWithPassword(handle, { email: "member@pages.test", name: "Mina Member", role: "member", password: "member-password" });
    },
  });
  tokens.owner = await signInForToken(server, "owner@pages.test", "owner-password");
  tokens.member = await signInForToken(server, "member@pages.test", "member-password");
});

afterAll(async () => {
  await server?.stop();
});

const get = (path: string, token?: string, cookie?: string) =>
  server.request(path, {
    redirect: "manual",
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(cookie ? { cookie } : {}) },
  });

describe("role pages", () => {
  it("send a signed-out visitor to sign-in with a 307, for every role's pages", async () => {
    for (const path of ["/member", "/member/sessions", "/coach", "/coach/availability", "/owner", "/owner/people"]) {
      const response = await get(path);
      expect(response.status, path).toBe(307);
      expect(new URL(response.headers.get("location")!, server.baseUrl).pathname, path).toBe("/sign-in");
    }
  });

  it("send a member to /not-allowed with a 307 and none of the owner's page", async () => {
    for (const path of ["/owner", "/owner/people", "/owner/generation", "/coach", "/coach/conflicts"]) {
      const response = await get(path, tokens.member);
      expect(response.status, path).toBe(307);
      expect(new URL(response.headers.get("location")!, server.baseUrl).pathname, path).toBe("/not-allowed");
      const body = await response.text();
      expect(body, path).not.toMatch(/Olga Owner|Utilisation|Generate sessions|Time off/);
    }
  });

  it("render the owner's pages for the owner, and send a signed-in visitor from / to their home", async () => {
    const overview = await get("/owner", tokens.owner);
    expect(overview.status).toBe(200);
    expect(await overview.text()).toContain("This week");
    const landing = await get("/", tokens.owner);
    expect(landing.status).toBe(307);
    expect(new URL(landing.headers.get("location")!, server.baseUrl).pathname).toBe("/owner");
  });

  it("show times in the zone the browser's cookie names, and ignore a zone that does not exist", async () => {
    // React separates adjacent text with <!-- --> in server HTML.
    const named = (await (await get("/owner/people", tokens.owner, "coachbook-tz=Asia/Kathmandu")).text()).replaceAll("<!-- -->", "");
    expect(named).toContain("Times are shown in Kathmandu time (Asia/Kathmandu)");
    const bogus = await get("/owner/people", tokens.owner, "coachbook-tz=Mars/Olympus");
    expect(bogus.status).toBe(200);
    const fallback = (await bogus.text()).replaceAll("<!-- -->", "");
    expect(fallback).toContain("Times are shown in UTC (UTC)");
  });
});
