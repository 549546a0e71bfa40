// The health prober of the contention figure, in a process of its own: the
// 50 hammering clients keep the bench's own event loop busy, and a prober
// sharing that loop would time its own queueing, not the server's answer.
// Plain JavaScript run by node, so it starts in a few milliseconds.
//
//   node bench/health-prober.mjs <baseUrl> idle <count>
//     <count> requests back to back
//   node bench/health-prober.mjs <baseUrl> every <intervalMs> <durationMs>
//     one request every <intervalMs> until <durationMs> have passed
//
// Prints one JSON line: { "ms": [...], "failed": n } (failed: not 200).
const [baseUrl, mode, first, second] = process.argv.slice(2);
if (!baseUrl || (mode !== "idle" && mode !== "every")) {
  console.error("usage: health-prober.mjs <baseUrl> idle <count> | every <intervalMs> <durationMs>");
  process.exit(2);
}
const url = new URL("/api/health", baseUrl);
const ms = [];
let failed = 0;

async function probe() {
  const started = performance.now();
  let status = 0;
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    status = response.status;
  } catch {
    status = 0;
  }
  ms.push(performance.now() - started);
  if (status !== 200) failed += 1;
}

if (mode === "idle") {
  for (let i = 0; i < Number(first); i += 1) await probe();
} else {
  const interval = Number(first);
  const deadline = performance.now() + Number(second);
  while (performance.now() < deadline) {
    const next = performance.now() + interval;
    await probe();
    const wait = next - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
process.stdout.write(`${JSON.stringify({ ms, failed })}\n`);
