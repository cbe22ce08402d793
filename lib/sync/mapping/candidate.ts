import type { CreateCandidateBody, CreateEmploymentBody } from '../../greenhouse/unconfirmed';
import type { PinCandidate } from '../../model/pin';
import { formatAddress, normalizeLinkedIn, normalizePhone, type PhonePlans } from './contact';
import { splitName } from './name';

/** The current job: the first experience entry without an end date; never a past job. */
export function currentJob(candidate: PinCandidate) {
  return candidate.experience.find((x) => x.end === null) ?? null;
}

/** Pin profile → the body of `POST /v3/candidates` (SPEC §5 table); phone numbers read with `phonePlans`. */
export function candidateBody(
  candidate: PinCandidate,
  greenhouseJobId: number | null,
  phonePlans: PhonePlans | null,
): CreateCandidateBody {
  const { firstName, lastName } = splitName(candidate.name);
  const current = currentJob(candidate);
  const address = formatAddress(candidate.location);
  const body: CreateCandidateBody = {
    first_name: firstName,
    last_name: lastName,
    company: current?.company ?? '',
    title: current?.title ?? '',
    email_addresses: candidate.emails.map((e) => ({ value: e.address.trim(), type: e.type })),
    phone_numbers: candidate.phones.map((p) => ({
      value: normalizePhone(p, candidate.location?.country, phonePlans),
      type: 'mobile' as const,
    })),
    addresses: address ? [{ value: address, type: 'home' }] : [],
    social_media_addresses: candidate.linkedinUrl
      ? [{ value: normalizeLinkedIn(candidate.linkedinUrl) }]
      : [],
  };
  if (greenhouseJobId !== null) body.application = { job_id: greenhouseJobId };
  return body;
}

/** One employment per experience entry, the current job included; dates as `YYYY-MM-01`. */
export function employmentBodies(
  candidate: PinCandidate,
  greenhouseCandidateId: number,
): CreateEmploymentBody[] {
  return candidate.experience.map((x) => {
    const body: CreateEmploymentBody = {
      candidate_id: greenhouseCandidateId,
      company_name: x.company,
      title: x.title,
      end_date: x.end ? `${x.end}-01` : null,
    };
    if (x.start) body.start_date = `${x.start}-01`;
    return body;
  });
}
