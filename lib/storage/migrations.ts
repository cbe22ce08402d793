import { EXPORT_ITEM_VERSION, type ExportItem, exportItemSchema } from '../model/export-item';

type Raw = Record<string, unknown>;

/**
 * Upgrades a stored export item to the current shape, one version at a time. Pure and idempotent, so it can run
 * in whichever context reads the item first. Returns null for data it cannot read (including a newer version
 * written by a later build); callers leave such data in place rather than delete it.
 *
 * v1 → v2: employments not yet sent were written as `{status:'pending', since:''}`; v2 says `{status:'todo'}`,
 * so `pending` always means "sent, answer not journaled".
 * v2 → v3: every step's `done` names its Greenhouse id `id` (was candidateId, applicationId, attachmentId, noteId,
 * employmentId, educationId), and the id may be null (committed, answer unreadable). Ids of 0 were written for
 * "unknown" and become null.
 */
const STEPS: Record<number, (item: Raw) => Raw> = {
  1: (item) => {
    const steps = (item.steps ?? {}) as Raw;
    const employments = Array.isArray(steps.employments)
      ? steps.employments.map((e: Raw) => (e?.status === 'pending' && !e.since ? { status: 'todo' } : e))
      : steps.employments;
    return { ...item, v: 2, steps: { ...steps, ...(employments ? { employments } : {}) } };
  },
  2: (item) => {
    const steps = (item.steps ?? {}) as Raw;
    const renamed = (state: unknown, field: string): unknown => {
      if (typeof state !== 'object' || state === null) return state;
      const { [field]: value, ...rest } = state as Raw;
      if ((rest as Raw).status !== 'done') return state;
      return { ...rest, id: typeof value === 'number' && value > 0 ? value : null };
    };
    const list = (value: unknown, field: string) =>
      Array.isArray(value) ? value.map((s) => renamed(s, field)) : value;
    const next: Raw = { ...steps };
    if (steps.person) next.person = renamed(steps.person, 'candidateId');
    if (steps.application) next.application = renamed(steps.application, 'applicationId');
    if (steps.resume) next.resume = renamed(steps.resume, 'attachmentId');
    if (steps.note) next.note = renamed(steps.note, 'noteId');
    if (steps.employments) next.employments = list(steps.employments, 'employmentId');
    if (steps.educations) next.educations = list(steps.educations, 'educationId');
    return { ...item, v: 3, steps: next };
  },
};

export function migrateExportItem(raw: unknown): ExportItem | null {
  if (typeof raw !== 'object' || raw === null) return null;
  let item = raw as Raw;
  let version = typeof item.v === 'number' ? item.v : 1;
  if (version > EXPORT_ITEM_VERSION) return null;
  while (version < EXPORT_ITEM_VERSION) {
    const step = STEPS[version];
    if (!step) return null;
    item = step(item);
    version += 1;
  }
  const parsed = exportItemSchema.safeParse(item);
  return parsed.success ? parsed.data : null;
}
