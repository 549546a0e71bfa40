// One generation run in a process of its own, so its peak memory (maxRSS) is
// the generator's and nothing else's. The bench starts it with the bench
// database in DATABASE_URL or PGLITE_DIR:
//   tsx bench/generation-child.ts <now ISO> <weeksAhead>
// and reads one JSON line: { created, conflicts, completed, durationMs, maxRssMb }.
import { openDatabase } from "@/db/client";
import { generateSessions } from "@/server/sessions/generate-sessions";

async function main(): Promise<void> {
  const [now, weeks] = process.argv.slice(2);
  const handle = await openDatabase();
  try {
    const result = await generateSessions(handle.db, { weeksAhead: Number(weeks), now: new Date(now!), trigger: "cli" });
    const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(JSON.stringify({ ...result, maxRssMb }));
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
