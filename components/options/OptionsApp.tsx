export function OptionsApp() {
  return (
    <main>
      <h1>Pin Greenhouse Sync</h1>
      <section aria-labelledby="gh-heading">
        <h2 id="gh-heading">Greenhouse</h2>
        <p role="status">Not connected</p>
      </section>
    </main>
  );
}
