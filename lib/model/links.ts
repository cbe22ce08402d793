/** A person in Greenhouse, on the application when there is one (SPEC §2): the only links the product makes. */
export function greenhouseProfileUrl(candidateId: number, applicationId?: number | null): string {
  const base = `https://app.greenhouse.io/people/${encodeURIComponent(String(candidateId))}`;
  return applicationId ? `${base}?application_id=${encodeURIComponent(String(applicationId))}` : base;
}
