import type { CustomFieldOption } from '../../greenhouse/schemas';
import type { CreateEducationBody } from '../../greenhouse/unconfirmed';
import type { PinCandidate } from '../../model/pin';

export interface EducationOptions {
  school_name: CustomFieldOption[];
  degree: CustomFieldOption[];
  discipline: CustomFieldOption[];
}

const norm = (text: string) => text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

function match(options: CustomFieldOption[], text: string | null): number | undefined {
  if (!text) return undefined;
  const wanted = norm(text);
  return options.find(
    (o) =>
      o.active !== false && typeof o.name === 'string' && norm(o.name) === wanted && typeof o.id === 'number',
  )?.id;
}

/**
 * Schools, degrees and disciplines are Greenhouse option ids: an education is sent only when its school matches an
 * option by name (case and spacing aside); degree and discipline are added when they match too (SPEC §2).
 */
export function educationBodies(
  candidate: PinCandidate,
  greenhouseCandidateId: number,
  options: EducationOptions,
): (CreateEducationBody | null)[] {
  return candidate.education.map((e) => {
    const school = match(options.school_name, e.school);
    if (school === undefined) return null;
    const body: CreateEducationBody = {
      candidate_id: greenhouseCandidateId,
      school_name_custom_field_option_id: school,
    };
    const degree = match(options.degree, e.degree);
    const discipline = match(options.discipline, e.field);
    if (degree !== undefined) body.degree_custom_field_option_id = degree;
    if (discipline !== undefined) body.discipline_custom_field_option_id = discipline;
    if (e.startYear !== null) body.start_date_year = e.startYear;
    if (e.endYear !== null) body.end_date_year = e.endYear;
    return body;
  });
}
