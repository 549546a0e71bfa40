"use server";
// Server actions on people, for the owner's people page: add a person (who
// gets a welcome e-mail), promote a member to coach (and back) and set a
// coach's time zone. Each calls one use case and answers an ActionResult
// naming the bad field; no rule lives here.
import { headers } from "next/headers";
import { publicBaseUrlFromHeaders } from "@/server/public-url";
import { addUser, type AddUserInput } from "@/server/users/add-user";
import { updateUser, type UpdateUserInput } from "@/server/users/update-user";
import { runAction } from "./action-result";

export async function addUserAction(input: AddUserInput) {
  return runAction("addUser", async ({ db, actor }) =>
    addUser({ db, actor, input, baseUrl: publicBaseUrlFromHeaders(await headers()) }),
  );
}

export async function updateUserAction(input: UpdateUserInput) {
  return runAction("updateUser", ({ db, actor }) => updateUser({ db, actor, input }));
}
