import plans from 'libphonenumber-js/metadata.min.json';
import { describe, expect, it } from 'vitest';
import { loadDataset, SAMPLE_DATASET_PATH } from '../../../tests/pin-app/server';
import { candidateBody, employmentBodies } from './candidate';
import { formatAddress, normalizeLinkedIn, normalizePhone } from './contact';
import { splitName } from './name';

describe('splitName', () => {
  it.each([
    ['José María de la Cruz Pérez', 'José María', 'de la Cruz Pérez'],
    ['  José   María  de la Cruz Pérez ', 'José María', 'de la Cruz Pérez'],
    ['Jean-Claude van der Berg', 'Jean-Claude', 'van der Berg'],
    ['Ludwig van Beethoven', 'Ludwig', 'van Beethoven'],
    ['Maria Dos Santos', 'Maria', 'Dos Santos'],
    ['Ada Lovelace', 'Ada', 'Lovelace'],
    ['Mary Ann Evans', 'Mary Ann', 'Evans'],
    ['Madonna', 'Madonna', '-'],
    ['王小明', '小明', '王'],
    ['山田太郎', '田太郎', '山'],
    ['Анна Петрова', 'Анна', 'Петрова'],
    ['Juan de', 'Juan', 'de'],
  ])('%s → %s / %s', (full, first, last) => {
    expect(splitName(full)).toEqual({ firstName: first, lastName: last });
  });
});

describe('contact normalisation', () => {
  it.each([
    ['020 7946 0958', 'United Kingdom', '+442079460958'],
    ['(212) 555-0199', 'United States', '+12125550199'],
    ['(212) 555-0199', null, '+12125550199'],
    ['+54 9 11 5555-1234', 'Argentina', '+5491155551234'],
    ['030 12345678', 'Germany', '+493012345678'],
    ['ext. 12, call after 5', 'Germany', 'ext. 12, call after 5'],
    ['<svg onload=alert(2)>', null, '<svg onload=alert(2)>'],
  ])('phone %s in %s → %s', (raw, country, expected) => {
    expect(normalizePhone(raw, country, plans)).toBe(expected);
  });

  it('sends a phone number as given, trimmed, without the numbering plans', () => {
    expect(normalizePhone(' 020 7946 0958 ', 'United Kingdom', null)).toBe('020 7946 0958');
  });

  it.each([
    [
      'https://uk.linkedin.com/in/Ada-Lovelace/?trk=public_profile#about',
      'https://www.linkedin.com/in/ada-lovelace',
    ],
    ['http://linkedin.com/in/SomeOne', 'https://www.linkedin.com/in/someone'],
    ['www.linkedin.com/in/foo/', 'https://www.linkedin.com/in/foo'],
    ['https://pt.linkedin.com/company/not-a-profile', 'https://pt.linkedin.com/company/not-a-profile'],
    ['https://evil.example/in/foo', 'https://evil.example/in/foo'],
    ['https://linkedin.com.evil.example/in/foo', 'https://linkedin.com.evil.example/in/foo'],
    ['javascript:alert(3)', 'javascript:alert(3)'],
  ])('LinkedIn %s → %s', (raw, expected) => {
    expect(normalizeLinkedIn(raw)).toBe(expected);
  });

  it('joins the non-empty location parts', () => {
    expect(formatAddress({ city: 'London', state: null, country: 'United Kingdom' })).toBe(
      'London, United Kingdom',
    );
    expect(formatAddress({ city: 'New York', state: 'NY', country: 'United States' })).toBe(
      'New York, NY, United States',
    );
    expect(formatAddress({ city: ' ', state: null, country: null })).toBeNull();
    expect(formatAddress(null)).toBeNull();
  });
});

describe('candidateBody and employmentBodies', () => {
  const dataset = loadDataset(SAMPLE_DATASET_PATH);
  const get = (id: string) => dataset.candidates.find((c) => c.id === id)!;

  it('maps every field of a Pin profile', () => {
    expect(candidateBody(get('c-ada'), 5001, plans)).toEqual({
      first_name: 'Ada',
      last_name: 'Lovelace',
      company: 'Analytical Engines Ltd',
      title: 'Senior Backend Engineer',
      email_addresses: [
        { value: 'ada@lovelace.dev', type: 'personal' },
        { value: 'ada.lovelace@analytical.example', type: 'work' },
      ],
      phone_numbers: [{ value: '+442079460958', type: 'mobile' }],
      addresses: [{ value: 'London, United Kingdom', type: 'home' }],
      social_media_addresses: [{ value: 'https://www.linkedin.com/in/ada-lovelace' }],
      application: { job_id: 5001 },
    });
  });

  it('keeps email spelling, leaves title and company empty without a current job, and omits the application for prospects', () => {
    const jose = candidateBody(get('c-jose'), null, plans);
    expect(jose.email_addresses).toEqual([{ value: 'JOSE.CRUZ@Example.com', type: 'work' }]);
    expect(jose.application).toBeUndefined();
    const past = candidateBody(get('c-solo-nocurrent'), null, plans);
    expect([past.title, past.company]).toEqual(['', '']);
    expect(candidateBody(get('c-noemail'), null, plans).email_addresses).toEqual([]);
  });

  it('sends one employment per experience entry, with YYYY-MM-01 dates and no start when Pin shows none', () => {
    const bodies = employmentBodies(get('c-noemail'), 42);
    expect(bodies).toEqual([
      {
        candidate_id: 42,
        company_name: 'Careem',
        title: 'Product Designer',
        start_date: '2019-09-01',
        end_date: null,
      },
      { candidate_id: 42, company_name: 'Souq', title: 'UX Designer', end_date: '2019-08-01' },
    ]);
    expect(employmentBodies(get('c-long'), 1)).toHaveLength(12);
  });
});
