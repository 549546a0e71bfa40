// /api/health when the database does not answer: 503 with the error shape of
// the health check and nothing from the server's internals.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../helpers/app-server";

let server: AppServer;

beforeAll(async () => {
  server = await startAppServer({ database: "unreachable" });
});

afterAll(async () => {
  await server?.stop();
});

it("answers 503 without a stack trace when the database is down", async () => {
  const response = await server.request("/api/health");
  expect(response.status).toBe(503);
  const text = await response.text();
  expect(JSON.parse(text)).toMatchObject({ status: "error", database: "postgres" });
  expect(text).not.toMatch(/ECONNREFUSED|\bat \S+ \(|node_modules/);
});

it("answers the REST API with 503 'unavailable' when the database is down (a client may retry)", async () => {
  // An unsigned token passes the bearer plugin's checks and is looked up in
  // the database, which fails.
  const response = await server.request("/api/v1/users", {
    headers: { authorization: "Bearer unsignedsessiontoken" },
  });
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  expect(await response.json()).toEqual({
    error: { code: "unavailable", message: "The database is unavailable; try again in a moment" },
  });
  expect(server.output()).toMatch(/\[api\] GET \/api\/v1\/users: database unavailable: \w+/);
});
