// The landing page. The booking UI arrives in a later issue; until then this
// names the product and points to sign-in and the API.
export default function HomePage() {
  return (
    <main style={{ maxWidth: 640, margin: "4rem auto", padding: "0 1rem" }}>
      <h1>Coachbook</h1>
      <p>
        Booking for coaching businesses: coaches publish their availability, members book one-time and
        recurring sessions, and the owner runs the business.
      </p>
      <p>
        <a href="/sign-in">Sign in</a>
      </p>
      <p style={{ color: "#555", fontSize: "0.9rem" }}>
        API clients: <code>POST /api/auth/sign-in/email</code>, then <code>/api/v1</code> with{" "}
        <code>Authorization: Bearer &lt;token&gt;</code>. Status: <a href="/api/health">/api/health</a>.
      </p>
    </main>
  );
}
