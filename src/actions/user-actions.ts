"use server";
// Server actions on people, for the owner's people page: promote a member
// to coach (and back) and set a coach's time zone. Each calls one use case
// and answers an ActionResult naming the bad field; no rule lives here.
import { updateUser, type UpdateUserInput } from "@/server/users/update-user";
import { runAction } from "./action-result";

export async function updateUserAction(input: UpdateUserInput) {
  return runAction("updateUser", ({ db, actor }) => updateUser({ db, actor, input }));
}
