// Users: the owner's list and role/time-zone changes.
import { listUsersInput } from "@/server/users/list-users";
import { updateUserChanges } from "@/server/users/update-user";
import { ref } from "../json-schema";
import type { PathSpecs } from "../operation";

const user = { type: "object", properties: { user: ref("UserView") }, required: ["user"] };

export const userPaths: PathSpecs = {
  "/api/v1/users": {
    get: {
      operationId: "listUsers",
      tag: "users",
      summary: "Every user of the business",
      access: { permission: "users:list" },
      query: { schema: listUsersInput, notes: { role: { description: "Only users with this role." } } },
      success: {
        status: 200,
        description: "Users by name, then e-mail.",
        schema: { type: "object", properties: { users: { type: "array", items: ref("UserView") } }, required: ["users"] },
      },
      errors: { 400: "`role` is not a role, or an unknown query parameter.", 403: "Not the owner." },
    },
  },
  "/api/v1/users/{id}": {
    patch: {
      operationId: "updateUser",
      tag: "users",
      summary: "Change a user's role and/or a coach's time zone",
      description:
        "One transaction. Promoting to coach creates the coach's settings; the business never loses its last owner. Roles are never chosen at sign-up: this is the only way to make a coach or an owner (besides `npm run user:create`).",
      access: { permission: "users:update" },
      path: { id: "The user's id." },
      body: {
        name: "UpdateUserInput",
        schema: updateUserChanges,
        notes: {
          timezone: {
            description:
              "IANA zone of a coach's weekly rules (must be a known zone, e.g. Europe/Paris); null = the business zone. Only for a user who is (or becomes) a coach.",
          },
        },
        example: { role: "coach", timezone: "Europe/Paris" },
      },
      success: { status: 200, description: "The user as changed.", schema: user },
      errors: {
        400: "Unknown role or time zone, a time zone for a non-coach, an unknown field, or a body that is not JSON.",
        403: "Not the owner.",
        404: "No user with this id.",
        409: "This would demote the last owner: make another user owner first.",
      },
    },
  },
};
