import { isCountryName } from '../../model/countries';
import type { PinCandidate, PinJob, StatusObservation } from '../../model/pin';
import { YEAR_MONTH } from '../../model/pin-values';
import { readSpan } from '../dates';
import {
  itemTexts,
  labelledValue,
  leafWithWords,
  matchesWord,
  preferred,
  preferredFirst,
  safeAll,
  safeFirst,
  sectionByHeading,
  textOf,
} from '../dom';
import { BUILTIN_PIN_MAPPING } from '../mapping/builtin';
import type { PinMapping } from '../mapping/schema';
import { pageFromUrl, profileUrl } from '../routes';
import { readOutreach } from './outreach';
import { type FieldRead, mainOf, type Read, Reads } from './reads';

export interface ProfileReading {
  job: PinJob;
  candidate: PinCandidate;
  observation: StatusObservation;
  profileUrl: string;
  /** Where the overlay goes: the element that holds the candidate's name. */
  anchor: Element;
  reads: FieldRead[];
}

function splitLocation(text: string): PinCandidate['location'] {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  if (parts.length === 1)
    return isCountryName(parts[0]!)
      ? { city: null, state: null, country: parts[0]! }
      : { city: parts[0]!, state: null, country: null };
  if (parts.length === 2) return { city: parts[0]!, state: null, country: parts[1]! };
  return { city: parts[0]!, state: parts.slice(1, -1).join(', '), country: parts.at(-1)! };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A run of digits, spaces, dots, dashes and brackets, perhaps after a "+", that could be a phone number. */
const PHONE_LIKE = /\+?\(?\d[\d\s().-]{5,}\d/g;
const YEAR_RANGE = /^\d{4}\s*[-.]\s*\d{4}$/;

/** Phone-like numbers in free text: 7 to 15 digits, not a range of years. */
export function phonesInText(text: string): string[] {
  return [...new Set(text.match(PHONE_LIKE) ?? [])]
    .map((found) => found.trim())
    .filter((found) => {
      const digits = found.replace(/\D/g, '').length;
      return digits >= 7 && digits <= 15 && !YEAR_RANGE.test(found);
    });
}

/** Work when the element or its item matches the mapping's work markers or says a work word; else personal. */
function emailType(el: Element, address: string, mapping: PinMapping): 'work' | 'personal' {
  const item = el.closest('li, tr, dd, p') ?? el.parentElement ?? el;
  const marked = mapping.selectors.emailWork.some((css) => {
    try {
      return el.matches(css) || (item !== el && item.matches(css));
    } catch {
      return false;
    }
  });
  if (marked) return 'work';
  const rest = (item.textContent ?? '').replace(address, ' ');
  const says = mapping.words.emailWork.some((w) =>
    new RegExp(`(^|[^\\p{L}])${escapeRegExp(w)}([^\\p{L}]|$)`, 'iu').test(rest),
  );
  return says ? 'work' : 'personal';
}

const EMAIL_IN_TEXT = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:]+/g;

function linkedinOf(root: ParentNode, mapping: PinMapping): { href: string; rule: string } | null {
  const pref = preferred(root, mapping.selectors.linkedin);
  const first = pref?.elements[0]?.getAttribute('href');
  if (pref && first) return { href: first, rule: pref.rule };
  const links = safeAll(root, 'a[href]');
  const host = (a: Element) => {
    try {
      return new URL(a.getAttribute('href') ?? '', 'https://x.invalid');
    } catch {
      return null;
    }
  };
  const onLinkedIn = links.filter((a) => /(^|\.)linkedin\.com$/i.test(host(a)?.hostname ?? ''));
  const profile = onLinkedIn.find((a) => /^\/in\//i.test(host(a)?.pathname ?? '')) ?? onLinkedIn[0];
  if (profile) return { href: profile.getAttribute('href')!, rule: 'linkedin.com link' };
  const named = links.find((a) => matchesWord(textOf(a), mapping.words.linkedin));
  return named ? { href: named.getAttribute('href')!, rule: 'link named "LinkedIn"' } : null;
}

export function readProfile(
  root: ParentNode,
  page: { jobId: string; candidateId: string },
  mapping: PinMapping = BUILTIN_PIN_MAPPING,
): Read<ProfileReading> {
  const reads = new Reads();
  const { selectors, headings, words } = mapping;
  const main = mainOf(root, mapping);
  if (!main) return reads.fail('the main region');
  const profile = preferredFirst(main, selectors.profile)?.element ?? main;

  const namePref = preferredFirst(profile, selectors.name);
  const nameEl = namePref?.element ?? safeFirst(profile, 'h1');
  const name = textOf(nameEl);
  reads.note('name', name, namePref ? namePref.rule : 'main heading <h1>');
  if (!name || !nameEl) return reads.fail("the candidate's name");

  const contact = sectionByHeading(profile, headings.contact);
  const contactLinks = safeAll(profile, 'a[href^="mailto:"], a[href^="tel:"]').length;
  reads.note(
    'contact section',
    contact ? 'found' : contactLinks ? 'links only' : null,
    contact?.rule ?? 'mailto:/tel: links',
  );
  if (!contact && !contactLinks && !preferred(profile, selectors.email))
    return reads.fail('the contact section');

  const outreachSection = sectionByHeading(profile, headings.outreach);
  const outreach = outreachSection ? readOutreach(outreachSection.section, mapping) : null;
  reads.note(
    'outreach status',
    outreach?.status ?? null,
    outreach ? `${outreachSection!.rule} → ${outreach.rule}` : null,
  );
  reads.note(
    'outreach events',
    outreach ? Object.keys(outreach.eventTimes).join(', ') || null : null,
    '<time datetime> with event words',
    outreach?.events ?? 0,
  );
  if (!outreach) return reads.fail('the outreach status');

  const claimed = new Set<Element>([nameEl]);

  // Location: preferred element (with its parts), else a value labelled "Location".
  const locPref = preferred(profile, selectors.location);
  const locEl = locPref?.elements[0] ?? labelledValue(profile, words.location);
  let location: PinCandidate['location'] = null;
  if (locEl) {
    claimed.add(locEl);
    const part = (key: 'city' | 'state' | 'country') =>
      textOf(preferredFirst(locEl, selectors.locationPart[key])?.element);
    const parts = { city: part('city'), state: part('state'), country: part('country') };
    location = parts.city || parts.state || parts.country ? parts : splitLocation(textOf(locEl) ?? '');
  }
  reads.note('location', textOf(locEl), locPref ? locPref.rule : `label "${words.location[0]}"`);

  const pinTag = leafWithWords(profile, words.sourcedByPin);
  const importedTag = pinTag ? null : leafWithWords(profile, words.importedIntoPin);
  for (const tag of [pinTag, importedTag]) if (tag) claimed.add(tag);
  reads.note(
    'sourced by Pin',
    pinTag ? 'yes' : importedTag ? 'no (imported)' : null,
    pinTag ? `words "${textOf(pinTag)}"` : `words "${textOf(importedTag)}"`,
  );

  let headline: string | null = null;
  let headlineRule: string | null = null;
  for (const css of selectors.headline) {
    const el = safeAll(profile, css).find(
      (e) => ![...claimed].some((c) => c === e || c.contains(e) || e.contains(c)),
    );
    if (el && textOf(el)) {
      headline = textOf(el);
      headlineRule = `selector ${css}`;
      break;
    }
  }
  reads.note('headline', headline, headlineRule);

  // Emails: preferred elements, else mailto: links, else addresses in the contact section's text.
  const contactScope = contact?.section ?? profile;
  let emails: PinCandidate['emails'] = [];
  const emailPref = preferred(profile, selectors.email);
  let emailRule: string | null = null;
  if (emailPref) {
    emailRule = emailPref.rule;
    emails = emailPref.elements.flatMap((el) => {
      const address = textOf(el);
      return address ? [{ address, type: emailType(el, address, mapping) }] : [];
    });
  } else {
    const mailto = safeAll(contactScope, 'a[href^="mailto:" i]');
    if (mailto.length) {
      emailRule = 'mailto: links';
      emails = mailto.flatMap((a) => {
        const shown = textOf(a);
        const href = decodeURIComponent((a.getAttribute('href') ?? '').slice(7).split('?')[0] ?? '');
        const address = shown?.includes('@') ? shown : href;
        return address ? [{ address, type: emailType(a, address, mapping) }] : [];
      });
    } else if (contact) {
      emailRule = 'addresses in the contact text';
      const text = contact.section.textContent ?? '';
      emails = [...new Set(text.match(EMAIL_IN_TEXT) ?? [])].map((address) => {
        // The innermost element that holds the address says its type, if anything does.
        const holder =
          safeAll(contact.section, '*')
            .reverse()
            .find((el) => el.textContent?.includes(address)) ?? contact.section;
        return { address, type: emailType(holder, address, mapping) };
      });
    }
  }
  reads.note('emails', emails.map((e) => e.address).join(', ') || null, emailRule, emails.length);

  // Phones: preferred elements, else tel: links, else phone-like numbers in the contact text (the worker puts them
  // in international form with libphonenumber when it exports; the page carries no phone library).
  let phones: string[] = [];
  let phoneRule: string | null = null;
  const phonePref = preferred(profile, selectors.phone);
  if (phonePref) {
    phoneRule = phonePref.rule;
    phones = phonePref.elements.flatMap((el) => textOf(el) ?? []);
  } else {
    const tel = safeAll(contactScope, 'a[href^="tel:" i]');
    if (tel.length) {
      phoneRule = 'tel: links';
      phones = tel.flatMap(
        (a) => textOf(a) ?? decodeURIComponent((a.getAttribute('href') ?? '').slice(4)) ?? [],
      );
    } else if (contact) {
      phoneRule = 'phone numbers in the contact text';
      phones = phonesInText(contact.section.textContent ?? '');
    }
  }
  reads.note('phones', phones.join(', ') || null, phoneRule, phones.length);

  const linkedin = linkedinOf(profile, mapping);
  reads.note('LinkedIn', linkedin?.href ?? null, linkedin?.rule ?? null);

  const summaryPref = preferred(profile, selectors.summary);
  const about = summaryPref ? null : sectionByHeading(profile, headings.about);
  let summary = textOf(summaryPref?.elements[0]);
  if (about) {
    const heading = safeFirst(about.section, 'h1, h2, h3, h4, h5, h6, [role="heading"]');
    summary =
      textOf(safeFirst(about.section, 'p')) ??
      ((about.section.textContent ?? '').replace(heading?.textContent ?? '', '').trim() || null);
  }
  reads.note('summary', summary, summaryPref?.rule ?? about?.rule ?? null);

  const skipDates = [...words.current, ...words.unknownDate];
  const items = (kind: 'experience' | 'education') => {
    const pref = preferred(
      profile,
      kind === 'experience' ? selectors.experienceItem : selectors.educationItem,
    );
    if (pref) return { items: pref.elements, rule: pref.rule };
    const section = sectionByHeading(profile, headings[kind]);
    return section
      ? { items: safeAll(section.section, 'li'), rule: `${section.rule} → list items` }
      : { items: [], rule: null };
  };
  const field = (item: Element, prefs: readonly string[], index: number, texts: string[]) =>
    textOf(preferredFirst(item, prefs)?.element) ?? texts[index] ?? null;

  const exp = items('experience');
  const experience = exp.items.map((item) => {
    const texts = itemTexts(item, skipDates);
    const span = readSpan(item, 'month', mapping);
    const month = (v: string | number | null) => (typeof v === 'string' && YEAR_MONTH.test(v) ? v : null);
    return {
      title: field(item, selectors.experienceTitle, 0, texts) ?? '',
      company: field(item, selectors.experienceCompany, 1, texts) ?? '',
      start: month(span.start),
      end: month(span.end),
    };
  });
  reads.note(
    'experience',
    experience.map((x) => `${x.title} — ${x.company}`).join('; ') || null,
    exp.rule,
    experience.length,
  );

  const edu = items('education');
  const education = edu.items.map((item) => {
    const texts = itemTexts(item, skipDates);
    const span = readSpan(item, 'year', mapping);
    const year = (v: string | number | null) =>
      typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null;
    return {
      school: field(item, selectors.educationSchool, 0, texts) ?? '',
      degree: field(item, selectors.educationDegree, 1, texts),
      field: field(item, selectors.educationField, 2, texts),
      startYear: year(span.start),
      endYear: year(span.end),
    };
  });
  reads.note('education', education.map((e) => e.school).join('; ') || null, edu.rule, education.length);

  const skillPref = preferred(profile, selectors.skill);
  const skillSection = skillPref ? null : sectionByHeading(profile, headings.skills);
  const skills = skillPref
    ? skillPref.elements.flatMap((el) => textOf(el) ?? [])
    : skillSection
      ? safeAll(skillSection.section, 'li').flatMap((el) => textOf(el) ?? [])
      : [];
  reads.note(
    'skills',
    skills.join(', ') || null,
    skillPref?.rule ?? (skillSection ? `${skillSection.rule} → list items` : null),
    skills.length,
  );

  const jobPref = preferred(profile, selectors.jobLink);
  const jobLink =
    jobPref?.elements[0] ??
    safeAll(main, 'a[href]').find((a) => {
      const target = pageFromUrl(a.getAttribute('href') ?? '', mapping);
      return target.kind === 'pipeline' && target.jobId === page.jobId;
    });
  const jobTitle = textOf(jobLink);
  reads.note('job title', jobTitle, jobPref ? jobPref.rule : 'link to the job’s pipeline');

  const candidate: PinCandidate = {
    id: page.candidateId,
    name,
    headline,
    location,
    emails,
    phones,
    linkedinUrl: linkedin?.href ?? null,
    experience,
    education,
    skills,
    summary,
    sourcedByPin: pinTag !== null,
  };
  return {
    ok: true,
    reads: reads.list,
    value: {
      job: { id: page.jobId, title: jobTitle ?? page.jobId },
      candidate,
      observation: {
        jobId: page.jobId,
        candidateId: page.candidateId,
        status: outreach.status,
        eventTimes: outreach.eventTimes,
      },
      profileUrl: profileUrl(page.jobId, page.candidateId, mapping),
      anchor: nameEl.parentElement ?? nameEl,
      reads: reads.list,
    },
  };
}
