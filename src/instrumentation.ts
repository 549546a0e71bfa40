// Runs once when a Node server process starts (Next calls register() before
// it serves). It stamps every incoming request with its socket's peer
// address as `x-coachbook-client-ip`, replacing any value the client sent,
// so src/auth/client-address.ts can tell who is really connected: Next's
// route handlers see only headers, and Next keeps a client-sent
// x-forwarded-for. Any http.Server in the process is covered (`next start`
// or a custom server around Next's handler), because the stamp sits on the
// prototype's emit of the 'request' event.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampClientAddresses } = await import("./auth/stamp-client-address");
  stampClientAddresses();
}
