import { driftAnswer, inScope, UNREADABLE_BODIES, unreadableBody } from './drift';
import {
  ADMIN_USER_ID,
  DEMO_CREDENTIAL,
  SEED_CUSTOM_FIELD_OPTIONS,
  SEED_JOBS,
  SEED_SOURCES,
  SEED_USERS,
  SERVICE_USER_ID,
} from './fixtures';
import { requestBodyErrors } from './openapi';
import type {
  Fault,
  RecordedRequest,
  SandboxConfig,
  SandboxCredential,
  SandboxRequest,
  SandboxResponse,
} from './types';

type Json = Record<string, unknown>;
type TypedValue = { value: string; type: string };

export interface CandidateRecord {
  id: number;
  created_at: string;
  updated_at: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  title: string | null;
  tags: string[];
  phone_numbers: TypedValue[];
  addresses: TypedValue[];
  email_addresses: TypedValue[];
  website_addresses: TypedValue[];
  social_media_addresses: { value: string }[];
}
export interface ApplicationRecord {
  id: number;
  created_at: string;
  updated_at: string;
  candidate_id: number;
  job_id: number | null;
  prospect: boolean;
  prospective_job_ids: number[];
  source_id: number | null;
  status: 'in_process' | 'rejected' | 'hired' | 'converted';
  stage_id: number | null;
  stage_name: string | null;
  rejected_at: string | null;
}
export interface AttachmentRecord {
  id: number;
  created_at: string;
  updated_at: string;
  application_id: number;
  candidate_id: number;
  type: string;
  filename: string;
  /** Decoded bytes of a base64 upload, kept so tests can read what was sent. */
  content: Buffer | null;
  url: string;
}
export interface NoteRecord {
  id: number;
  created_at: string;
  updated_at: string;
  candidate_id: number;
  application_id: number | null;
  user_id: number | null;
  body: string;
  type: string;
  visibility: 'admin_only_visible' | 'privately_visible' | 'publicly_visible';
}
export interface EmploymentRecord {
  id: number;
  created_at: string;
  updated_at: string;
  candidate_id: number;
  company_name: string;
  title: string;
  start_date: string | null;
  end_date: string | null;
  latest: boolean;
}
export interface EducationRecord {
  id: number;
  created_at: string;
  updated_at: string;
  candidate_id: number;
  school_name_custom_field_option_id: number | null;
  degree_custom_field_option_id: number | null;
  discipline_custom_field_option_id: number | null;
  start_date_year: number | null;
  end_date_year: number | null;
}

interface TokenRecord {
  clientId: string;
  sub: number | null;
  expiresAt: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}
const unprocessable = (errors: unknown[]) => new HttpError(422, { message: 'Unprocessable Content', errors });
const fieldError = (field: string, message: string) => unprocessable([{ [field]: message }]);

const HARVEST_LINK_ORIGIN = 'https://harvest.greenhouse.io';
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/**
 * An in-memory Harvest v3 and its token endpoint, following reference/harvest-api.md §8. One instance is one
 * Greenhouse tenant; `handle` answers a request from any transport; every request is recorded.
 */
export class HarvestSandbox {
  readonly config: Required<Omit<SandboxConfig, 'credentials'>>;
  credentials = new Map<string, SandboxCredential>();
  candidates: CandidateRecord[] = [];
  applications: ApplicationRecord[] = [];
  attachments: AttachmentRecord[] = [];
  notes: NoteRecord[] = [];
  employments: EmploymentRecord[] = [];
  educations: EducationRecord[] = [];
  jobs: {
    id: number;
    name: string;
    requisition_id: string | null;
    status: 'open' | 'closed' | 'draft';
    created_at: string;
  }[] = [];
  requests: RecordedRequest[] = [];
  /** People removed with DELETE /v3/candidates/{id}, in order. */
  deleted: number[] = [];
  /** How each `gather` fault let its held requests go: every one arrived (`count`) or the wait ran out. */
  gathered: { key: string; released: 'count' | 'timeout'; held: number }[] = [];
  private held = new Map<
    string,
    { count: number; waiting: (() => void)[]; timer: ReturnType<typeof setTimeout> }
  >();
  faults: (Fault & { remaining: number })[] = [];
  private tokens = new Map<string, TokenRecord>();
  private nextId = 100_000;
  private window = { start: 0, count: 0 };
  /** Varies drifted and unreadable answers from one answer to the next. */
  private answers = 0;
  private readonly initialCredentials: SandboxCredential[];

  constructor(config: SandboxConfig = {}) {
    this.config = {
      rateLimit: config.rateLimit ?? { limit: 75, windowMs: 30_000 },
      tokenTtlMs: config.tokenTtlMs ?? 3_600_000,
      nonAdminLists: config.nonAdminLists ?? 'forbidden',
      latencyMs: config.latencyMs ?? 0,
      extraJobs: config.extraJobs ?? 0,
      drift: config.drift ?? false,
      unreadable: config.unreadable ?? false,
      unreadableBodies: config.unreadableBodies ?? [...UNREADABLE_BODIES],
      employmentStartDate: config.employmentStartDate ?? 'required',
      now: config.now ?? Date.now,
    };
    this.initialCredentials = config.credentials ?? [DEMO_CREDENTIAL];
    this.reset();
  }

  /** Back to the seed data: no people, no requests, no faults, fresh tokens. */
  reset(): void {
    this.credentials = new Map(
      this.initialCredentials.map((c) => [c.clientId, { ...c, scopes: [...c.scopes] }]),
    );
    this.candidates = [];
    this.applications = [];
    this.attachments = [];
    this.notes = [];
    this.employments = [];
    this.educations = [];
    this.requests = [];
    this.deleted = [];
    this.gathered = [];
    this.faults = [];
    this.tokens.clear();
    this.window = { start: 0, count: 0 };
    this.nextId = 100_000;
    const created = this.iso();
    this.jobs = SEED_JOBS.map((job) => ({ ...job, created_at: created }));
    for (let i = 0; i < this.config.extraJobs; i++) {
      this.jobs.push({
        id: 10_000 + i,
        name: `Generated job ${i + 1}`,
        requisition_id: `GEN-${i + 1}`,
        status: 'open',
        created_at: created,
      });
    }
  }

  // Test controls -----------------------------------------------------------------------------------------

  addCredential(credential: SandboxCredential): void {
    this.credentials.set(credential.clientId, { ...credential, scopes: [...credential.scopes] });
  }
  /** Rotates the secret away: existing tokens stop working and the old secret is refused. */
  revokeCredential(clientId: string): void {
    const credential = this.credentials.get(clientId);
    if (credential) credential.clientSecret = `revoked-${Math.random()}`;
    for (const [token, record] of this.tokens) if (record.clientId === clientId) this.tokens.delete(token);
  }
  expireTokens(): void {
    for (const record of this.tokens.values()) record.expiresAt = 0;
  }
  injectFault(fault: Fault): void {
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }
  /** Adds a person directly, as if a recruiter had created them in Greenhouse. */
  seedCandidate(input: { first_name: string; last_name: string; emails?: string[] }): CandidateRecord {
    const record = this.newCandidate({
      first_name: input.first_name,
      last_name: input.last_name,
      email_addresses: (input.emails ?? []).map((value) => ({ value, type: 'personal' })),
    });
    this.candidates.push(record);
    return record;
  }
  /**
   * Moves an application as a recruiter would in Greenhouse: to another stage, or rejected or hired. Returns the
   * application, or throws when there is none with that id.
   */
  moveApplication(
    id: number,
    to: { stage?: string; status?: ApplicationRecord['status'] },
  ): ApplicationRecord {
    const application = this.applications.find((a) => a.id === id);
    if (!application) throw new Error(`No application ${id}`);
    if (to.stage !== undefined) {
      application.stage_name = to.stage;
      application.stage_id = 1 + (hashText(to.stage) % 1000);
    }
    if (to.status !== undefined) {
      application.status = to.status;
      application.rejected_at = to.status === 'rejected' ? this.iso() : null;
    }
    application.updated_at = this.iso();
    return application;
  }

  /** Writes Greenhouse accepted (scope probes and refused writes left out). */
  writes(): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.method !== 'GET' && r.host === 'harvest.greenhouse.io' && r.status >= 200 && r.status < 300,
    );
  }

  // Transport adapters ------------------------------------------------------------------------------------

  /** A `fetch` that answers from this sandbox: for Vitest. A dropped connection rejects like a network error. */
  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const body = request.method === 'GET' ? null : await request.text();
    const answer = await this.handle({ method: request.method, url: request.url, headers, body });
    if (answer.dropConnection) throw new TypeError('fetch failed: connection reset by sandbox');
    init?.signal?.throwIfAborted();
    return new Response(answer.status === 204 ? null : answer.body, {
      status: answer.status,
      headers: answer.headers,
    });
  };

  // The handler ---------------------------------------------------------------------------------------------

  async handle(request: SandboxRequest): Promise<SandboxResponse> {
    const url = new URL(request.url);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
    let parsedBody: unknown = request.body;
    if (request.body && (headers['content-type'] ?? '').includes('json')) {
      try {
        parsedBody = JSON.parse(request.body);
      } catch {
        parsedBody = request.body;
      }
    }
    const record: RecordedRequest = {
      at: this.config.now(),
      method: request.method.toUpperCase(),
      host: url.host,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: parsedBody,
      status: 0,
      dropped: false,
      finishedAt: 0,
    };
    this.requests.push(record);
    if (this.config.latencyMs > 0) await sleep(this.config.latencyMs);

    const fault = this.takeFault(record);
    if (fault?.action.type === 'delay') await sleep(fault.action.ms);
    if (fault?.action.type === 'gather') await this.gather(fault.action, record);
    if (fault?.action.type === 'drop-before') {
      record.dropped = true;
      return { status: 0, headers: {}, body: '', dropConnection: true };
    }

    let response: SandboxResponse;
    try {
      if (fault?.action.type === 'status' && fault.action.rawBody !== undefined) {
        return {
          status: fault.action.status,
          headers: { 'content-type': 'application/json', ...this.rateHeaders() },
          body: fault.action.rawBody,
        };
      }
      if (fault?.action.type === 'status') {
        const retry = fault.action.retryAfterSeconds;
        throw new HttpError(
          fault.action.status,
          fault.action.body ?? { message: 'Injected failure' },
          retry ? { 'retry-after': String(retry) } : {},
        );
      }
      response =
        url.host === 'auth.greenhouse.io'
          ? this.token(record, request.body ?? '')
          : await this.harvest(record, url);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      response = json(error.status, error.body, error.headers);
    }
    if (url.host === 'harvest.greenhouse.io' && response.status >= 200 && response.status < 300)
      response = this.vary(record, response);
    if (url.host === 'harvest.greenhouse.io' && !response.headers['x-ratelimit-limit']) {
      Object.assign(response.headers, this.rateHeaders());
    }
    record.status = response.status;
    record.finishedAt = this.config.now();
    if (fault?.action.type === 'drop-after-commit') {
      record.dropped = true;
      return { ...response, dropConnection: true };
    }
    if (fault?.action.type === 'delay-after-commit') await sleep(fault.action.ms);
    return response;
  }

  /** Drift and unreadable modes: the answer Greenhouse might really send for what was just committed. */
  private vary(record: RecordedRequest, response: SandboxResponse): SandboxResponse {
    const { drift, unreadable, unreadableBodies } = this.config;
    this.answers += 1;
    if (record.method !== 'GET' && inScope(unreadable, record.method, record.path)) {
      const kind = unreadableBodies[this.answers % unreadableBodies.length]!;
      const { body, contentType } = unreadableBody(kind, response.body);
      record.unreadable = kind;
      return { ...response, headers: { ...response.headers, 'content-type': contentType }, body };
    }
    if (inScope(drift, record.method, record.path) && response.body) {
      const body = JSON.stringify(driftAnswer(record.path, JSON.parse(response.body), this.answers));
      return { ...response, body };
    }
    return response;
  }

  /**
   * Holds a request until `count` requests with the same key have arrived (then all go on at once, in arrival order),
   * or until `timeoutMs`: a race made explicit instead of hoped for.
   */
  private gather(
    action: Extract<Fault['action'], { type: 'gather' }>,
    record: RecordedRequest,
  ): Promise<void> {
    const key = action.key ? action.key(record) : `${record.method} ${record.path}`;
    let group = this.held.get(key);
    if (!group) {
      const created = {
        count: 0,
        waiting: [] as (() => void)[],
        timer: setTimeout(() => release('timeout'), action.timeoutMs ?? 20_000),
      };
      group = created;
      this.held.set(key, created);
    }
    const release = (why: 'count' | 'timeout') => {
      const current = this.held.get(key);
      if (!current) return;
      clearTimeout(current.timer);
      this.held.delete(key);
      this.gathered.push({ key, released: why, held: current.waiting.length });
      for (const go of current.waiting) go();
    };
    group.count += 1;
    const arrived = new Promise<void>((resolve) => group.waiting.push(resolve));
    if (group.count >= action.count) release('count');
    return arrived;
  }

  private takeFault(record: RecordedRequest): (Fault & { remaining: number }) | undefined {
    const index = this.faults.findIndex(
      (f) =>
        (!f.method || f.method.toUpperCase() === record.method) &&
        (!f.path || (typeof f.path === 'string' ? f.path === record.path : f.path.test(record.path))),
    );
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private iso(): string {
    return new Date(this.config.now()).toISOString();
  }
  private id(): number {
    this.nextId += 1;
    return this.nextId;
  }

  // Token endpoint ------------------------------------------------------------------------------------------

  private token(record: RecordedRequest, rawBody: string): SandboxResponse {
    if (record.method !== 'POST' || record.path !== '/token')
      throw new HttpError(404, { message: 'Resource not found' });
    const auth = record.headers.authorization ?? '';
    const decoded = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : '';
    const split = decoded.indexOf(':');
    const clientId = split >= 0 ? decoded.slice(0, split) : '';
    const secret = split >= 0 ? decoded.slice(split + 1) : '';
    const credential = this.credentials.get(clientId);
    if (!credential) throw new HttpError(401, { error: 'invalid_client' });
    if (credential.clientSecret !== secret) throw new HttpError(401, { error: 'invalid_client' });
    const form = new URLSearchParams(rawBody);
    if (form.get('grant_type') !== 'client_credentials') {
      throw new HttpError(400, {
        error: 'unsupported_grant_type',
        message: 'Allowed grant types: client_credentials',
      });
    }
    let sub: number | null = null;
    if (form.has('sub')) {
      sub = Number(form.get('sub'));
      if (!Number.isInteger(sub) || !SEED_USERS.some((u) => u.id === sub)) {
        throw new HttpError(400, {
          error: 'invalid_request',
          message: `Unknown user for sub: ${form.get('sub')}`,
        });
      }
    }
    const expiresAt = this.config.now() + this.config.tokenTtlMs;
    const payload = {
      sub: String(sub ?? SERVICE_USER_ID),
      client_id: clientId,
      exp: Math.floor(expiresAt / 1000),
      jti: this.id(),
    };
    const token = `${b64url('{"alg":"none","typ":"JWT"}')}.${b64url(JSON.stringify(payload))}.sandbox`;
    this.tokens.set(token, { clientId, sub, expiresAt });
    return json(200, {
      access_token: token,
      token_type: 'Bearer',
      expires_at: new Date(expiresAt).toISOString(),
    });
  }

  // Harvest -------------------------------------------------------------------------------------------------

  private rateHeaders(): Record<string, string> {
    const { limit, windowMs } = this.config.rateLimit;
    const now = this.config.now();
    if (now >= this.window.start + windowMs)
      this.window = { start: Math.floor(now / windowMs) * windowMs, count: 0 };
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - this.window.count)),
      'x-ratelimit-reset': String(Math.ceil((this.window.start + windowMs) / 1000)),
    };
  }

  private async harvest(record: RecordedRequest, url: URL): Promise<SandboxResponse> {
    const auth = record.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? this.tokens.get(auth.slice(7)) : undefined;
    if (!token || token.expiresAt <= this.config.now()) {
      throw new HttpError(401, { message: 'Unauthorized', errors: ['Token could not be decoded.'] });
    }
    // Fixed window rate limit, counted before any other check.
    this.rateHeaders();
    const { limit } = this.config.rateLimit;
    if (this.window.count >= limit) {
      const retryAfter = Math.max(
        1,
        Math.ceil((this.window.start + this.config.rateLimit.windowMs - this.config.now()) / 1000),
      );
      throw new HttpError(
        429,
        { message: 'Too Many Requests' },
        { 'retry-after': String(retryAfter), ...this.rateHeaders() },
      );
    }
    this.window.count += 1;

    const route = this.route(record.method, url.pathname);
    if (!route) throw new HttpError(404, { message: 'Resource not found' });
    const credential = this.credentials.get(token.clientId);
    if (!credential?.scopes.includes(route.scope)) throw new HttpError(403, { message: 'Forbidden' });
    const actor = SEED_USERS.find((u) => u.id === (token.sub ?? SERVICE_USER_ID));
    if (record.method === 'GET' && !actor?.site_admin) {
      if (this.config.nonAdminLists === 'forbidden') throw new HttpError(403, { message: 'Forbidden' });
      return json(200, []);
    }
    return route.run(record, url, token);
  }

  private route(method: string, path: string) {
    const id = /^\/v3\/candidates\/(\d+)$/.exec(path)?.[1];
    type Run = (
      record: RecordedRequest,
      url: URL,
      token: TokenRecord,
    ) => SandboxResponse | Promise<SandboxResponse>;
    const table: Record<string, { scope: string; run: Run }> = {
      'GET /v3/candidates': { scope: 'harvest:candidates:list', run: (_r, url) => this.listCandidates(url) },
      'POST /v3/candidates': { scope: 'harvest:candidates:create', run: (r) => this.createCandidate(r.body) },
      'GET /v3/applications': {
        scope: 'harvest:applications:list',
        run: (_r, url) => this.listApplications(url),
      },
      'POST /v3/applications': {
        scope: 'harvest:applications:create',
        run: (r) => this.createApplication(r.body),
      },
      'GET /v3/attachments': {
        scope: 'harvest:attachments:list',
        run: (_r, url) => this.listAttachments(url),
      },
      'POST /v3/attachments': {
        scope: 'harvest:attachments:create',
        run: (r) => this.createAttachment(r.body),
      },
      'GET /v3/notes': { scope: 'harvest:notes:list', run: (_r, url) => this.listNotes(url) },
      'POST /v3/notes': { scope: 'harvest:notes:create', run: (r, _u, t) => this.createNote(r.body, t) },
      'GET /v3/candidate_employments': {
        scope: 'harvest:candidate_employments:list',
        run: (_r, url) => this.listEmployments(url),
      },
      'POST /v3/candidate_employments': {
        scope: 'harvest:candidate_employments:create',
        run: (r) => this.createEmployment(r.body),
      },
      'POST /v3/candidate_educations': {
        scope: 'harvest:candidate_educations:create',
        run: (r) => this.createEducation(r.body),
      },
      'GET /v3/jobs': { scope: 'harvest:jobs:list', run: (_r, url) => this.listJobs(url) },
      'GET /v3/users': { scope: 'harvest:users:list', run: (_r, url) => this.listUsers(url) },
      'GET /v3/sources': {
        scope: 'harvest:sources:list',
        run: (_r, url) =>
          this.page(
            url,
            SEED_SOURCES.map((s) => ({ ...s, created_at: this.iso(), updated_at: this.iso() })),
          ),
      },
      'GET /v3/custom_field_options': {
        scope: 'harvest:custom_field_options:list',
        run: (_r, url) => this.listCustomFieldOptions(url),
      },
    };
    if (id !== undefined && method === 'DELETE') {
      return {
        scope: 'harvest:candidates:destroy',
        run: (() => this.deleteCandidate(Number(id))) as Run,
      };
    }
    if (id !== undefined && method === 'PATCH') {
      return {
        scope: 'harvest:candidates:update',
        run: ((r) => this.updateCandidate(Number(id), r.body)) as Run,
      };
    }
    return table[`${method} ${path}`];
  }

  /** Cursor pagination: `per_page` ≤ 500, the cursor alone, `Link rel="next"` only when rows remain. */
  private page<T extends { id: number }>(
    url: URL,
    rows: T[],
    filter?: (params: URLSearchParams) => (row: T) => boolean,
  ): SandboxResponse {
    let params = url.searchParams;
    let offset = 0;
    if (params.has('cursor')) {
      if ([...params.keys()].length > 1)
        throw unprocessable(['When passing a cursor, do not include other query params.']);
      try {
        const state = JSON.parse(Buffer.from(params.get('cursor')!, 'base64url').toString('utf8')) as {
          q: string;
          o: number;
        };
        params = new URLSearchParams(state.q);
        offset = state.o;
      } catch {
        throw unprocessable(['Invalid cursor']);
      }
    }
    const perPage = params.has('per_page') ? Number(params.get('per_page')) : 100;
    if (!Number.isInteger(perPage) || perPage < 1)
      throw unprocessable([{ per_page: 'must be a positive integer' }]);
    if (perPage > 500) throw unprocessable([{ per_page: `\`${perPage}\` is greater than 500` }]);
    for (const key of params.keys()) {
      if (key === 'ids' || key.endsWith('_ids')) {
        if ((params.get(key) ?? '').split(',').filter(Boolean).length > 50)
          throw unprocessable([{ [key]: 'may contain at most 50 ids' }]);
      }
    }
    const ids = params.get('ids')?.split(',').map(Number);
    const createdAt = params.get('created_at');
    const updatedAt = params.get('updated_at');
    const predicate = filter?.(params);
    // Records are appended with growing ids, so newest-first is the reverse order (no sort of 200,000 rows).
    const ascending = rows.every((row, i) => i === 0 || rows[i - 1]!.id < row.id);
    const ordered = ascending ? rows.slice().reverse() : rows.slice().sort((a, b) => b.id - a.id);
    const dated = (row: T) => row as unknown as { created_at: string; updated_at: string };
    const selected = ordered.filter(
      (row) =>
        (!ids || ids.includes(row.id)) &&
        (!createdAt || matchesDateFilter(dated(row).created_at, createdAt)) &&
        (!updatedAt || matchesDateFilter(dated(row).updated_at, updatedAt)) &&
        (!predicate || predicate(row)),
    );
    const slice = selected.slice(offset, offset + perPage);
    const headers: Record<string, string> = {};
    if (offset + perPage < selected.length) {
      const cursor = b64url(JSON.stringify({ q: params.toString(), o: offset + perPage }));
      headers.link = `<${HARVEST_LINK_ORIGIN}${url.pathname}?cursor=${cursor}>; rel="next"`;
    }
    return json(200, slice, headers);
  }

  // Candidates ----------------------------------------------------------------------------------------------

  candidateJson(c: CandidateRecord): Json {
    return {
      id: c.id,
      created_at: c.created_at,
      updated_at: c.updated_at,
      first_name: c.first_name,
      last_name: c.last_name,
      preferred_name: null,
      company: c.company,
      title: c.title,
      last_activity_at: c.updated_at,
      private: false,
      can_email: true,
      time_zone: null,
      tags: c.tags,
      linked_user_ids: [],
      phone_numbers: c.phone_numbers,
      addresses: c.addresses,
      email_addresses: c.email_addresses,
      website_addresses: c.website_addresses,
      social_media_addresses: c.social_media_addresses,
      custom_fields: {},
    };
  }

  private listCandidates(url: URL): SandboxResponse {
    const response = this.page(url, this.candidates, (params) => {
      const email = params.get('email')?.toLowerCase();
      const tag = params.get('tag');
      return (c) =>
        (!email || c.email_addresses.some((e) => e.value.toLowerCase() === email)) &&
        (!tag || c.tags.includes(tag));
    });
    return {
      ...response,
      body: JSON.stringify(
        (JSON.parse(response.body) as CandidateRecord[]).map((c) => this.candidateJson(c)),
      ),
    };
  }

  private newCandidate(body: Json): CandidateRecord {
    const now = this.iso();
    return {
      id: this.id(),
      created_at: now,
      updated_at: now,
      first_name: (body.first_name as string) ?? null,
      last_name: (body.last_name as string) ?? null,
      company: (body.company as string) || null,
      title: (body.title as string) || null,
      tags: (body.tags as string[]) ?? [],
      phone_numbers: (body.phone_numbers as TypedValue[]) ?? [],
      addresses: (body.addresses as TypedValue[]) ?? [],
      email_addresses: (body.email_addresses as TypedValue[]) ?? [],
      website_addresses: (body.website_addresses as TypedValue[]) ?? [],
      social_media_addresses: (body.social_media_addresses as { value: string }[]) ?? [],
    };
  }

  private validateCandidateFields(body: Json, creating: boolean): void {
    const allowed = new Set([
      'first_name',
      'last_name',
      'company',
      'title',
      'email_addresses',
      'phone_numbers',
      'addresses',
      'website_addresses',
      'social_media_addresses',
      'tags',
      'application',
    ]);
    const unknown = Object.keys(body).filter((k) => !allowed.has(k));
    if (unknown.length) throw unprocessable(unknown.map((k) => ({ [k]: 'is not a permitted field' })));
    for (const field of ['first_name', 'last_name'] as const) {
      if (creating || field in body) {
        if (typeof body[field] !== 'string' || !(body[field] as string).trim())
          throw fieldError(field, "can't be blank");
      }
    }
    const typed: [string, string[]][] = [
      ['email_addresses', ['personal', 'work', 'other']],
      ['phone_numbers', ['home', 'work', 'mobile', 'skype', 'other']],
      ['addresses', ['home', 'work', 'other']],
      ['website_addresses', ['personal', 'company', 'portfolio', 'blog', 'other']],
    ];
    for (const [field, types] of typed) {
      const list = body[field];
      if (list === undefined) continue;
      if (!Array.isArray(list)) throw fieldError(field, 'must be an array');
      for (const entry of list as Json[]) {
        if (typeof entry?.value !== 'string' || !entry.value) throw fieldError(field, 'value is required');
        if (!types.includes(entry.type as string))
          throw fieldError(field, `type must be one of ${types.join(', ')}`);
      }
    }
    if (body.email_addresses) {
      for (const e of body.email_addresses as TypedValue[])
        if (!/^[^\s@]+@[^\s@]+$/.test(e.value))
          throw fieldError('email_addresses', `${e.value} is not a valid email`);
    }
    if (body.social_media_addresses !== undefined) {
      if (
        !Array.isArray(body.social_media_addresses) ||
        (body.social_media_addresses as Json[]).some((e) => typeof e?.value !== 'string')
      ) {
        throw fieldError('social_media_addresses', 'must be a list of {value}');
      }
    }
  }

  private createCandidate(body: unknown): SandboxResponse {
    if (!isObject(body)) throw unprocessable(['Body must be a JSON object']);
    this.validateCandidateFields(body, true);
    let jobId: number | null = null;
    if (body.application !== undefined) {
      const app = body.application;
      if (
        !isObject(app) ||
        Object.keys(app).some((k) => k !== 'job_id') ||
        !this.jobs.some((j) => j.id === app.job_id)
      ) {
        throw fieldError('application', 'must be {job_id} of an existing job');
      }
      jobId = app.job_id as number;
    }
    const candidate = this.newCandidate(body);
    this.candidates.push(candidate);
    const application =
      jobId === null ? null : this.newApplication({ candidate_id: candidate.id, job_id: jobId });
    return json(201, {
      candidate: this.candidateJson(candidate),
      application: application ? this.applicationJson(application) : null,
    });
  }

  /** The person and everything of theirs leave every list (reference/harvest-api.md §3.13); 204, or 404 if gone. */
  private deleteCandidate(id: number): SandboxResponse {
    if (!this.candidates.some((c) => c.id === id))
      throw new HttpError(404, { message: 'Resource not found' });
    this.candidates = this.candidates.filter((c) => c.id !== id);
    this.applications = this.applications.filter((a) => a.candidate_id !== id);
    this.attachments = this.attachments.filter((a) => a.candidate_id !== id);
    this.notes = this.notes.filter((n) => n.candidate_id !== id);
    this.employments = this.employments.filter((e) => e.candidate_id !== id);
    this.educations = this.educations.filter((e) => e.candidate_id !== id);
    this.deleted.push(id);
    return { status: 204, headers: {}, body: '' };
  }

  private updateCandidate(id: number, body: unknown): SandboxResponse {
    const candidate = this.candidates.find((c) => c.id === id);
    if (!candidate) throw new HttpError(404, { message: 'Resource not found' });
    if (!isObject(body)) throw unprocessable(['Body must be a JSON object']);
    if ('application' in body) throw fieldError('application', 'is not a permitted field');
    this.validateCandidateFields(body, false);
    Object.assign(candidate, body, { updated_at: this.iso() });
    return json(200, this.candidateJson(candidate));
  }

  // Applications --------------------------------------------------------------------------------------------

  applicationJson(a: ApplicationRecord): Json {
    return {
      id: a.id,
      created_at: a.created_at,
      updated_at: a.updated_at,
      agency_note_id: null,
      candidate_id: a.candidate_id,
      coordinator_id: null,
      job_id: a.job_id,
      job_post_id: null,
      recruiter_id: null,
      referrer_id: null,
      source_id: a.source_id,
      stage_id: a.stage_id,
      stage_name: a.stage_name,
      status: a.status,
      needs_decision: false,
      prospect: a.prospect,
      rejected_at: a.rejected_at,
      last_activity_at: a.updated_at,
      location_address: null,
      answers: [],
      prospective_job_ids: a.prospective_job_ids,
      custom_fields: {},
    };
  }

  private newApplication(body: {
    candidate_id: number;
    job_id?: number;
    prospect?: boolean;
    job_ids?: number[];
    source_id?: number;
  }): ApplicationRecord {
    const now = this.iso();
    const app: ApplicationRecord = {
      id: this.id(),
      created_at: now,
      updated_at: now,
      candidate_id: body.candidate_id,
      job_id: body.prospect ? null : (body.job_id ?? null),
      prospect: body.prospect === true,
      prospective_job_ids: body.job_ids ?? [],
      source_id: body.source_id ?? null,
      status: 'in_process',
      stage_id: body.prospect ? null : 1,
      stage_name: body.prospect ? null : 'Application Review',
      rejected_at: null,
    };
    this.applications.push(app);
    return app;
  }

  private createApplication(body: unknown): SandboxResponse {
    const errors = requestBodyErrors('POST', '/v3/applications', body);
    if (errors?.length) throw unprocessable(errors);
    const b = body as {
      candidate_id: number;
      job_id?: number;
      prospect?: boolean;
      job_ids?: number[];
      source_id?: number;
    };
    if (!this.candidates.some((c) => c.id === b.candidate_id))
      throw fieldError('candidate_id', 'does not exist');
    for (const jobId of [...(b.job_id === undefined ? [] : [b.job_id]), ...(b.job_ids ?? [])]) {
      if (!this.jobs.some((j) => j.id === jobId)) throw fieldError('job_id', `${jobId} does not exist`);
    }
    if (b.source_id !== undefined && !SEED_SOURCES.some((s) => s.id === b.source_id))
      throw fieldError('source_id', 'does not exist');
    return json(201, this.applicationJson(this.newApplication(b)));
  }

  private listApplications(url: URL): SandboxResponse {
    const response = this.page(url, this.applications, (params) => {
      const candidateIds = params.get('candidate_ids')?.split(',').map(Number);
      const jobIds = params.get('job_ids')?.split(',').map(Number);
      return (a) =>
        (!candidateIds || candidateIds.includes(a.candidate_id)) &&
        (!jobIds || (a.job_id !== null && jobIds.includes(a.job_id)));
    });
    return {
      ...response,
      body: JSON.stringify(
        (JSON.parse(response.body) as ApplicationRecord[]).map((a) => this.applicationJson(a)),
      ),
    };
  }

  // Attachments, notes, employments, educations ---------------------------------------------------------------

  attachmentJson(a: AttachmentRecord): Json {
    return {
      id: a.id,
      created_at: a.created_at,
      updated_at: a.updated_at,
      application_id: a.application_id,
      candidate_id: a.candidate_id,
      type: a.type,
      filename: a.filename,
      url: a.url,
    };
  }

  private createAttachment(body: unknown): SandboxResponse {
    if (!isObject(body)) throw unprocessable(['Body must be a JSON object']);
    const allowed = new Set([
      'application_id',
      'filename',
      'type',
      'content',
      'url',
      'visibility',
      'content_type',
    ]);
    const unknown = Object.keys(body).filter((k) => !allowed.has(k));
    if (unknown.length) throw unprocessable(unknown.map((k) => ({ [k]: 'is not a permitted field' })));
    const application = this.applications.find((a) => a.id === body.application_id);
    if (!application) throw fieldError('application_id', 'must be an existing application');
    if (typeof body.filename !== 'string' || !/\.[a-z0-9]+$/i.test(body.filename))
      throw fieldError('filename', 'must include an extension');
    const types = [
      'resume',
      'cover_letter',
      'take_home_test',
      'offer_packet',
      'offer_letter',
      'signed_offer_letter',
      'other',
      'form_attachment',
      'midfunnel_agreement',
      'automated_agreement',
    ];
    if (!types.includes(body.type as string)) throw fieldError('type', `must be one of ${types.join(', ')}`);
    if ((body.content === undefined) === (body.url === undefined))
      throw unprocessable(['Provide exactly one of content or url']);
    let content: Buffer | null = null;
    if (body.content !== undefined) {
      if (typeof body.content !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(body.content))
        throw fieldError('content', 'must be base64');
      content = Buffer.from(body.content, 'base64');
    }
    if (body.type === 'resume' || body.type === 'cover_letter') {
      for (const a of this.attachments)
        if (a.application_id === application.id && a.type === body.type) a.type = 'other';
    }
    const id = this.id();
    const now = this.iso();
    const record: AttachmentRecord = {
      id,
      created_at: now,
      updated_at: now,
      application_id: application.id,
      candidate_id: application.candidate_id,
      type: body.type as string,
      filename: body.filename,
      content,
      url: `https://s3.amazonaws.com/sandbox-attachments/${id}/${encodeURIComponent(body.filename)}?X-Amz-Expires=604800`,
    };
    this.attachments.push(record);
    return json(201, this.attachmentJson(record));
  }

  private listAttachments(url: URL): SandboxResponse {
    const response = this.page(url, this.attachments, (params) => {
      const appIds = params.get('application_ids')?.split(',').map(Number);
      const candidateIds = params.get('candidate_ids')?.split(',').map(Number);
      return (a) =>
        (!appIds || appIds.includes(a.application_id)) &&
        (!candidateIds || candidateIds.includes(a.candidate_id));
    });
    return {
      ...response,
      body: JSON.stringify(
        (JSON.parse(response.body) as AttachmentRecord[]).map((a) =>
          this.attachmentJson({ ...a, content: null }),
        ),
      ),
    };
  }

  noteJson(n: NoteRecord): Json {
    return {
      id: n.id,
      created_at: n.created_at,
      updated_at: n.updated_at,
      candidate_id: n.candidate_id,
      application_id: n.application_id,
      body: n.body,
      subject: null,
      type: n.type,
      user_id: n.user_id,
      email_from: null,
      email_to: null,
      email_cc: null,
      import_hash: null,
      body_with_tags: n.body,
      visibility: n.visibility,
      email_attachment_file_names: null,
    };
  }

  private createNote(body: unknown, token: TokenRecord): SandboxResponse {
    if (!isObject(body)) throw unprocessable(['Body must be a JSON object']);
    if (!this.candidates.some((c) => c.id === body.candidate_id))
      throw fieldError('candidate_id', 'must be an existing candidate');
    if (
      body.application_id !== undefined &&
      !this.applications.some((a) => a.id === body.application_id && a.candidate_id === body.candidate_id)
    ) {
      throw fieldError('application_id', "must be one of the candidate's applications");
    }
    if (typeof body.body !== 'string' || !body.body.trim()) throw fieldError('body', "can't be blank");
    const visibility = {
      admin_only: 'admin_only_visible',
      private: 'privately_visible',
      public: 'publicly_visible',
    }[body.visibility as string];
    if (!visibility) throw fieldError('visibility', 'must be one of admin_only, private, public');
    const userId = (body.user_id as number | undefined) ?? token.sub ?? null;
    if (userId !== null && !SEED_USERS.some((u) => u.id === userId))
      throw fieldError('user_id', 'must be an existing user');
    const now = this.iso();
    const note: NoteRecord = {
      id: this.id(),
      created_at: now,
      updated_at: now,
      candidate_id: body.candidate_id as number,
      application_id: (body.application_id as number | undefined) ?? null,
      user_id: userId,
      body: body.body,
      type: (body.note_type as string | undefined) ?? 'NOTE',
      visibility: visibility as NoteRecord['visibility'],
    };
    this.notes.push(note);
    return json(201, this.noteJson(note));
  }

  private listNotes(url: URL): SandboxResponse {
    const response = this.page(url, this.notes, (params) => {
      const candidateIds = params.get('candidate_ids')?.split(',').map(Number);
      return (n) => !candidateIds || candidateIds.includes(n.candidate_id);
    });
    return {
      ...response,
      body: JSON.stringify((JSON.parse(response.body) as NoteRecord[]).map((n) => this.noteJson(n))),
    };
  }

  private createEmployment(body: unknown): SandboxResponse {
    if (!isObject(body)) throw unprocessable(['Body must be a JSON object']);
    if (!this.candidates.some((c) => c.id === body.candidate_id))
      throw fieldError('candidate_id', 'must be an existing candidate');
    for (const field of ['company_name', 'title'] as const) {
      if (typeof body[field] !== 'string' || !(body[field] as string).trim())
        throw fieldError(field, "can't be blank");
    }
    // Like v1, Greenhouse may need a start date for an employment (`employmentStartDate`).
    const noStart = body.start_date === undefined || body.start_date === null;
    if (noStart && this.config.employmentStartDate === 'required')
      throw fieldError('start_date', "can't be blank");
    if (!noStart && (typeof body.start_date !== 'string' || !DATE_RE.test(body.start_date)))
      throw fieldError('start_date', 'must be a date (YYYY-MM-DD)');
    if (
      body.end_date !== undefined &&
      body.end_date !== null &&
      (typeof body.end_date !== 'string' || !DATE_RE.test(body.end_date))
    ) {
      throw fieldError('end_date', 'must be a date (YYYY-MM-DD)');
    }
    const now = this.iso();
    const record: EmploymentRecord = {
      id: this.id(),
      created_at: now,
      updated_at: now,
      candidate_id: body.candidate_id as number,
      company_name: body.company_name as string,
      title: body.title as string,
      start_date: noStart ? null : (body.start_date as string),
      end_date: (body.end_date as string | null | undefined) ?? null,
      latest: body.end_date === null || body.end_date === undefined,
    };
    this.employments.push(record);
    return json(201, { ...record });
  }

  private listEmployments(url: URL): SandboxResponse {
    return this.page(url, this.employments, (params) => {
      const candidateIds = params.get('candidate_ids')?.split(',').map(Number);
      return (e) => !candidateIds || candidateIds.includes(e.candidate_id);
    });
  }

  private customFieldOptions() {
    let id = 8000;
    return SEED_CUSTOM_FIELD_OPTIONS.flatMap((field) =>
      field.names.map((name, index) => ({
        id: ++id,
        created_at: '2025-01-01T00:00:00.000Z',
        updated_at: '2025-01-01T00:00:00.000Z',
        custom_field_id: field.custom_field_id,
        name,
        external_id: null,
        sort_order: index,
        active: true,
        key: field.key,
      })),
    );
  }

  private listCustomFieldOptions(url: URL): SandboxResponse {
    const response = this.page(url, this.customFieldOptions(), (params) => {
      const key = params.get('custom_field_key');
      return (o) => !key || o.key === key;
    });
    const rows = (JSON.parse(response.body) as Json[]).map(({ key: _key, ...rest }) => rest);
    return { ...response, body: JSON.stringify(rows) };
  }

  private createEducation(body: unknown): SandboxResponse {
    if (!isObject(body)) throw unprocessable(['Body must be a JSON object']);
    if (!this.candidates.some((c) => c.id === body.candidate_id))
      throw fieldError('candidate_id', 'must be an existing candidate');
    const options = this.customFieldOptions();
    for (const [field, key] of [
      ['school_name_custom_field_option_id', 'school_name'],
      ['degree_custom_field_option_id', 'degree'],
      ['discipline_custom_field_option_id', 'discipline'],
    ] as const) {
      if (body[field] !== undefined && !options.some((o) => o.id === body[field] && o.key === key))
        throw fieldError(field, 'must be an existing option');
    }
    const now = this.iso();
    const record: EducationRecord = {
      id: this.id(),
      created_at: now,
      updated_at: now,
      candidate_id: body.candidate_id as number,
      school_name_custom_field_option_id: (body.school_name_custom_field_option_id as number) ?? null,
      degree_custom_field_option_id: (body.degree_custom_field_option_id as number) ?? null,
      discipline_custom_field_option_id: (body.discipline_custom_field_option_id as number) ?? null,
      start_date_year: (body.start_date_year as number) ?? null,
      end_date_year: (body.end_date_year as number) ?? null,
    };
    this.educations.push(record);
    return json(201, {
      ...record,
      start_at: null,
      end_at: null,
      latest: false,
      start_date_month: null,
      end_date_month: null,
    });
  }

  // Reference data ------------------------------------------------------------------------------------------

  private listJobs(url: URL): SandboxResponse {
    const response = this.page(url, this.jobs, (params) => {
      const status = params.get('status');
      const requisition = params.get('requisition_id');
      return (j) => (!status || j.status === status) && (!requisition || j.requisition_id === requisition);
    });
    const rows = (JSON.parse(response.body) as (typeof this.jobs)[number][]).map((j) => ({
      id: j.id,
      created_at: j.created_at,
      updated_at: j.created_at,
      name: j.name,
      requisition_id: j.requisition_id,
      notes: null,
      confidential: false,
      status: j.status,
      opened_at: j.status === 'draft' ? null : j.created_at,
      closed_at: j.status === 'closed' ? j.created_at : null,
      is_template: false,
      copied_from_id: null,
      department_id: null,
      office_ids: [],
      custom_fields: {},
    }));
    return { ...response, body: JSON.stringify(rows) };
  }

  private listUsers(url: URL): SandboxResponse {
    const users = SEED_USERS.map((u) => ({
      id: u.id,
      created_at: '2025-01-01T00:00:00.000Z',
      updated_at: '2025-01-01T00:00:00.000Z',
      first_name: u.first_name,
      last_name: u.last_name,
      primary_email: u.primary_email,
      job_title: u.job_title,
      agency_id: null,
      name: [u.first_name, u.last_name].filter(Boolean).join(' '),
      deactivated: false,
      site_admin: u.site_admin,
      employee_id: null,
      linked_candidate_ids: [],
      office_ids: [],
      department_ids: [],
      interviewer_tags: [],
      emails: u.primary_email ? [u.primary_email] : [],
      custom_fields: {},
    }));
    return this.page(url, users, (params) => {
      const email = params.get('primary_email')?.toLowerCase();
      const showService = params.get('show_service_accounts') === 'true' || params.has('ids');
      return (u) =>
        (!email || u.primary_email.toLowerCase() === email) && (showService || u.id !== SERVICE_USER_ID);
    });
  }
}

function hashText(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Pipe-style date filter: `gte|2026-01-01T00:00:00Z|lte|...`. */
function matchesDateFilter(value: string, filter: string): boolean {
  const parts = filter.split('|');
  const at = Date.parse(value);
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const bound = Date.parse(parts[i + 1]!);
    const op = parts[i];
    if (op === 'gte' && !(at >= bound)) return false;
    if (op === 'gt' && !(at > bound)) return false;
    if (op === 'lte' && !(at <= bound)) return false;
    if (op === 'lt' && !(at < bound)) return false;
  }
  return true;
}

export { ADMIN_USER_ID };
