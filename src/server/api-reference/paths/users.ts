// Users: the owner's list, adding a person, and role/time-zone changes.
import { addUserInput } from "@/server/users/add-user";
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
    post: {
      operationId: "addUser",
      tag: "users",
      summary: "Add a person, who gets a welcome e-mail to choose a password",
      description:
        "One transaction creates the user (e-mail verified, no password yet; a coach gets the coach's settings) and puts a welcome e-mail in the outbox with a link to choose a password (valid 7 days; it works like a password-reset link) and the sign-in address. Until the person follows it, nobody can sign in to the account.",
      access: { permission: "users:create" },
      body: {
        name: "AddUserInput",
        schema: addUserInput,
        notes: {
          email: { description: "Stored lower-case; unique." },
          name: { description: "Absent: the part of the e-mail before the @." },
          timezone: {
            description: "IANA zone of a coach's weekly rules (must be a known zone, e.g. Europe/Paris); absent = the business zone. Only for a coach.",
          },
        },
        example: { email: "camille@example.com", name: "Camille", role: "coach", timezone: "Europe/Paris" },
      },
      success: { status: 201, description: "The user as created.", schema: user },
      errors: {
        400: "A malformed e-mail, an unknown role or time zone, a time zone for a non-coach, a name over 100 characters, an unknown field (a password is never taken), or a body that is not JSON.",
        403: "Not the owner.",
        409: "A user with this e-mail already exists (`fields.email`).",
      },
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
