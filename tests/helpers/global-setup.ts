// vitest globalSetup: build the Next.js app once per run (only if missing or
// out of date), before any HTTP test file starts a server from it.
import { ensureBuild } from "../../scripts/lib/ensure-build";

export default async function setup(): Promise<void> {
  await ensureBuild();
}
