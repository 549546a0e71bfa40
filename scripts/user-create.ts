// Creates a user from the shell, any role included — the way to make the
// first owner of a real business:
//   npm run user:create -- --email E --password P --role owner|coach|member [--name N] [--timezone Z]
// Migrates first, so it also works on a brand-new database.
import "./lib/load-env";
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { isAppError } from "@/domain/errors";
import { createUser, type CreateUserInput } from "@/server/users/create-user";
import { prepareDataDirectory } from "./lib/data-directory";

const USAGE =
  "Usage: npm run user:create -- --email E --password P --role owner|coach|member [--name N] [--timezone Zone]\n" +
  "  The password: at least 10 characters, not a common one, not the e-mail address.";

async function main(): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: "string" },
        password: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        timezone: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const missing = ["email", "password", "role"].filter((option) => values[option] === undefined);
  if (missing.length > 0) {
    for (const option of missing) console.error(`--${option}: required`);
    console.error(USAGE);
    return 1;
  }

  await prepareDataDirectory();
  const handle = await openDatabase();
  try {
    await migrateDatabase(handle);
    const user = await createUser(handle.db, values as CreateUserInput);
    console.log(`Created ${user.role} ${user.email} (id ${user.id})${user.timezone ? `, time zone ${user.timezone}` : ""}`);
    return 0;
  } catch (error) {
    if (!isAppError(error)) throw error;
    const fields = Object.entries(error.fields ?? {});
    if (fields.length === 0) console.error(`Could not create the user: ${error.message}`);
    else console.error("Could not create the user:");
    for (const [field, reason] of fields) console.error(`  --${field}: ${reason}`);
    return 1;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
