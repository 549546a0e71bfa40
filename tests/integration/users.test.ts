// The owner's user management (list, change role, set a coach's time zone) on
// a real database: authorization, validation naming the field, the
// coach_settings row a promotion creates, and the business never losing its
// last owner.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import type { DatabaseHandle } from "@/db/client";
import { coachSettings, users, type UserRole } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { listUsers } from "@/server/users/list-users";
import { updateUser } from "@/server/users/update-user";
import { createMigratedTestDatabase } from "../helpers/test-database";

let handle: DatabaseHandle;
let db: DatabaseOrTransaction;

beforeAll(async () => {
  handle = await createMigratedTestDatabase();
  db = handle.db;
});

afterAll(async () => {
  await handle?.close();
});

let owner: Actor;
let coach: Actor;
let member: Actor;

async function addUser(role: UserRole, name: string): Promise<Actor> {
  const email = `${name.toLowerCase()}@example.com`;
  const [row] = await db.insert(users).values({ email, name, role }).returning();
  return { id: row!.id, role, email, name };
}

beforeEach(async () => {
  await db.delete(coachSettings);
  await db.delete(users);
  owner = await addUser("owner", "Olive");
  coach = await addUser("coach", "Carl");
  member = await addUser("member", "Mia");
  await db.insert(coachSettings).values({ coachId: coach.id, timezone: "Europe/Paris" });
});

/** The AppError a promise rejects with. */
async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected an AppError, the call succeeded");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function roleOf(id: string): Promise<UserRole> {
  const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, id));
  return row!.role;
}

describe("listUsers", () => {
  it("lists every user with role and the coach's time zone", async () => {
    const listed = await listUsers({ db, actor: owner });
    expect(listed).toEqual([
      { id: coach.id, email: "carl@example.com", name: "Carl", role: "coach", timezone: "Europe/Paris" },
      { id: member.id, email: "mia@example.com", name: "Mia", role: "member", timezone: null },
      { id: owner.id, email: "olive@example.com", name: "Olive", role: "owner", timezone: null },
    ]);
  });

  it("filters by role", async () => {
    const coaches = await listUsers({ db, actor: owner, input: { role: "coach" } });
    expect(coaches.map((user) => user.id)).toEqual([coach.id]);
  });

  it("rejects an unknown role filter, naming the field", async () => {
    const error = await appError(listUsers({ db, actor: owner, input: { role: "king" as UserRole } }));
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields ?? {})).toEqual(["role"]);
  });

  it("is for the owner only", async () => {
    expect((await appError(listUsers({ db, actor: null }))).code).toBe("unauthenticated");
    expect((await appError(listUsers({ db, actor: coach }))).code).toBe("forbidden");
    expect((await appError(listUsers({ db, actor: member }))).code).toBe("forbidden");
  });
});

describe("updateUser", () => {
  it("promotes a member to coach and creates their coach_settings row", async () => {
    const updated = await updateUser({ db, actor: owner, input: { id: member.id, role: "coach" } });
    expect(updated).toEqual({ id: member.id, email: "mia@example.com", name: "Mia", role: "coach", timezone: null });
    const settings = await db.select().from(coachSettings).where(eq(coachSettings.coachId, member.id));
    expect(settings).toHaveLength(1);
    expect(settings[0]!.minimumNoticeMinutes).toBe(120);
  });

  it("promotes to coach with a time zone in the same request", async () => {
    const updated = await updateUser({
      db,
      actor: owner,
      input: { id: member.id, role: "coach", timezone: "America/New_York" },
    });
    expect(updated.timezone).toBe("America/New_York");
  });

  it("keeps an existing coach_settings row when a former coach is promoted again", async () => {
    await updateUser({ db, actor: owner, input: { id: coach.id, role: "member" } });
    const again = await updateUser({ db, actor: owner, input: { id: coach.id, role: "coach" } });
    expect(again.timezone).toBe("Europe/Paris");
    expect(await db.select().from(coachSettings).where(eq(coachSettings.coachId, coach.id))).toHaveLength(1);
  });

  it("changes a coach's time zone, and resets it with null", async () => {
    expect((await updateUser({ db, actor: owner, input: { id: coach.id, timezone: "Asia/Tokyo" } })).timezone).toBe(
      "Asia/Tokyo",
    );
    expect((await updateUser({ db, actor: owner, input: { id: coach.id, timezone: null } })).timezone).toBeNull();
  });

  it("demotes a coach to member, who then shows no time zone", async () => {
    await updateUser({ db, actor: owner, input: { id: coach.id, timezone: "Europe/Paris" } });
    const updated = await updateUser({ db, actor: owner, input: { id: coach.id, role: "member" } });
    expect(updated).toMatchObject({ role: "member", timezone: null });
    expect(await roleOf(coach.id)).toBe("member");
  });

  it("rejects a time zone that is not an IANA zone, naming timezone", async () => {
    const error = await appError(updateUser({ db, actor: owner, input: { id: coach.id, timezone: "Mars/Olympus" } }));
    expect(error.code).toBe("invalid_input");
    expect(error.fields).toHaveProperty("timezone");
  });

  it("rejects a time zone for a user who is not, or stops being, a coach", async () => {
    const forMember = await appError(updateUser({ db, actor: owner, input: { id: member.id, timezone: "UTC" } }));
    expect(forMember.code).toBe("invalid_input");
    expect(forMember.fields).toHaveProperty("timezone");

    const demoting = await appError(
      updateUser({ db, actor: owner, input: { id: coach.id, role: "member", timezone: "UTC" } }),
    );
    expect(demoting.fields).toHaveProperty("timezone");
    // Nothing was written: the coach is still a coach in Paris.
    expect(await roleOf(coach.id)).toBe("coach");
    const [settings] = await db.select().from(coachSettings).where(eq(coachSettings.coachId, coach.id));
    expect(settings!.timezone).toBe("Europe/Paris");
  });

  it("rejects an unknown role and unknown fields, naming each", async () => {
    const error = await appError(
      updateUser({
        db,
        actor: owner,
        input: { id: member.id, role: "king" as UserRole, email: "x@example.com" } as never,
      }),
    );
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["email", "role"]);
    expect(await roleOf(member.id)).toBe("member");
  });

  it("answers not_found for an unknown id", async () => {
    const error = await appError(updateUser({ db, actor: owner, input: { id: "no-such-user", role: "coach" } }));
    expect(error.code).toBe("not_found");
  });

  it("refuses to demote the last owner, even themself", async () => {
    const error = await appError(updateUser({ db, actor: owner, input: { id: owner.id, role: "member" } }));
    expect(error.code).toBe("conflict");
    expect(await roleOf(owner.id)).toBe("owner");
  });

  it("lets an owner step down once there is another owner", async () => {
    await updateUser({ db, actor: owner, input: { id: member.id, role: "owner" } });
    const steppedDown = await updateUser({ db, actor: owner, input: { id: owner.id, role: "coach" } });
    expect(steppedDown.role).toBe("coach");
    // The remaining owner is now the last one.
    const remaining: Actor = { ...member, role: "owner" };
    const error = await appError(updateUser({ db, actor: remaining, input: { id: member.id, role: "member" } }));
    expect(error.code).toBe("conflict");
  });

  it("keeps one owner when two owners demote each other at the same time", async () => {
    const second = await addUser("owner", "Otto");
    const results = await Promise.allSettled([
      updateUser({ db, actor: owner, input: { id: second.id, role: "member" } }),
      updateUser({ db, actor: second, input: { id: owner.id, role: "member" } }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [rejected] = results.filter((result) => result.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    const owners = await db.select().from(users).where(eq(users.role, "owner"));
    expect(owners).toHaveLength(1);
  });

  it("is for the owner only, and checks before reading anything", async () => {
    expect((await appError(updateUser({ db, actor: null, input: { id: member.id, role: "owner" } }))).code).toBe(
      "unauthenticated",
    );
    for (const actor of [coach, member]) {
      const error = await appError(updateUser({ db, actor, input: { id: actor.id, role: "owner" } }));
      expect(error.code).toBe("forbidden");
      expect(await roleOf(actor.id)).toBe(actor.role);
    }
  });
});
