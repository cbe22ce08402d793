/** Scopes from SPEC §2: the v3 form of the seed's permission list. */
export const REQUIRED_SCOPES = [
  'harvest:candidates:list',
  'harvest:candidates:create',
  'harvest:candidates:update',
  'harvest:applications:create',
  'harvest:attachments:create',
  'harvest:notes:create',
  'harvest:candidate_employments:create',
  'harvest:jobs:list',
  'harvest:users:list',
] as const;

export const OPTIONAL_SCOPES = [
  'harvest:applications:list',
  'harvest:sources:list',
  'harvest:candidate_educations:create',
  'harvest:custom_field_options:list',
  // Beyond SPEC §2: after a lost answer, a retry reads these back instead of writing a second copy.
  'harvest:attachments:list',
  'harvest:notes:list',
  'harvest:candidate_employments:list',
  // SPEC §6.2: only to remove a person this same export created moments before, when a teammate's browser created
  // the same person at the same moment.
  'harvest:candidates:destroy',
] as const;

export type RequiredScope = (typeof REQUIRED_SCOPES)[number];
export type OptionalScope = (typeof OPTIONAL_SCOPES)[number];
export type Scope = RequiredScope | OptionalScope;

/** A harmless call per scope: reads ask for one row; writes send an empty body (see unconfirmed.ts). */
export const SCOPE_PROBES: Record<Scope, { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; path: string }> = {
  'harvest:candidates:list': { method: 'GET', path: '/v3/candidates?per_page=1' },
  'harvest:candidates:create': { method: 'POST', path: '/v3/candidates' },
  'harvest:candidates:update': { method: 'PATCH', path: '/v3/candidates/0' },
  'harvest:applications:create': { method: 'POST', path: '/v3/applications' },
  'harvest:attachments:create': { method: 'POST', path: '/v3/attachments' },
  'harvest:notes:create': { method: 'POST', path: '/v3/notes' },
  'harvest:candidate_employments:create': { method: 'POST', path: '/v3/candidate_employments' },
  'harvest:jobs:list': { method: 'GET', path: '/v3/jobs?per_page=1' },
  'harvest:users:list': { method: 'GET', path: '/v3/users?per_page=1' },
  'harvest:applications:list': { method: 'GET', path: '/v3/applications?per_page=1' },
  'harvest:sources:list': { method: 'GET', path: '/v3/sources?per_page=1' },
  'harvest:candidate_educations:create': { method: 'POST', path: '/v3/candidate_educations' },
  'harvest:custom_field_options:list': { method: 'GET', path: '/v3/custom_field_options?per_page=1' },
  'harvest:attachments:list': { method: 'GET', path: '/v3/attachments?per_page=1' },
  'harvest:notes:list': { method: 'GET', path: '/v3/notes?per_page=1' },
  'harvest:candidate_employments:list': { method: 'GET', path: '/v3/candidate_employments?per_page=1' },
  // Person 0 does not exist: a granted scope answers 404 and nothing is removed (see unconfirmed.ts).
  'harvest:candidates:destroy': { method: 'DELETE', path: '/v3/candidates/0' },
};
