import { z } from 'zod';
import { settingsSchema } from '../model/connection';
import { greenhouseJobViewSchema } from '../model/greenhouse-job';
import { lazySchema } from '../model/lazy-schema';
import { pinCandidateSchema, pinJobSchema } from '../model/pin';
import { ruleSchema, triggerSchema } from '../model/rule';
import { command, EVERYONE, PAGES, PIN } from './command';
import { listCommands } from './list-protocol';
import { popupCommands } from './popup-protocol';
import {
  activitySummarySchema,
  candidateStateSchema,
  connectionViewSchema,
  eraseViewSchema,
  exportPreviewSchema,
  indexViewSchema,
  itemViewSchema,
  pinMappingViewSchema,
  presenceViewSchema,
  rulesViewSchema,
} from './views';

/**
 * The single list of commands the background answers. Each names who may send it, and the schemas its input and
 * output must satisfy. Content scripts only get the `pin-content` commands; credential, settings and rule
 * commands are `extension-page` only.
 */
const none = lazySchema(() => z.object({}).strict());
const greenhouseId = lazySchema(() => z.number().int().positive());

export const commands = {
  ping: command({
    from: EVERYONE,
    input: () => none,
    output: () => z.object({ pong: z.literal(true), version: z.string() }),
  }),

  // Greenhouse connection (options page only). The secret goes in and never comes back out.
  'connection.status': command({ from: PAGES, input: () => none, output: () => connectionViewSchema }),
  'connection.connect': command({
    from: PAGES,
    input: () =>
      z
        .object({
          clientId: z.string().trim().min(1, 'Client ID is required').max(200),
          clientSecret: z.string().min(1, 'Client Secret is required').max(500),
          actAsUserId: greenhouseId.nullable(),
        })
        .strict(),
    output: () => connectionViewSchema,
  }),
  'connection.disconnect': command({ from: PAGES, input: () => none, output: () => connectionViewSchema }),
  'settings.get': command({ from: PAGES, input: () => none, output: () => settingsSchema }),
  'settings.set': command({
    from: PAGES,
    input: () => settingsSchema.strict(),
    output: () => settingsSchema,
  }),
  'activity.list': command({ from: PAGES, input: () => none, output: () => z.array(itemViewSchema) }),
  'activity.summary': command({ from: PAGES, input: () => none, output: () => activitySummarySchema }),
  'rules.list': command({ from: PAGES, input: () => none, output: () => rulesViewSchema }),
  'rules.save': command({
    from: PAGES,
    input: () =>
      z
        .object({
          pinJobId: z.string().min(1).max(200),
          greenhouseJobId: greenhouseId.nullable(),
          trigger: triggerSchema,
          enabled: z.boolean(),
        })
        .strict(),
    output: () => ruleSchema,
  }),
  'pinMapping.get': command({ from: PAGES, input: () => none, output: () => pinMappingViewSchema }),
  /** Replaces the Pin page mapping with an imported document; a document that fails validation is refused. */
  'pinMapping.set': command({
    from: PAGES,
    input: () => z.object({ mapping: z.unknown() }).strict(),
    output: () => pinMappingViewSchema,
  }),
  'pinMapping.reset': command({ from: PAGES, input: () => none, output: () => pinMappingViewSchema }),
  'index.status': command({ from: PAGES, input: () => none, output: () => indexViewSchema }),
  'index.refresh': command({ from: PAGES, input: () => none, output: () => indexViewSchema }),
  'rules.backfill': command({
    from: PAGES,
    input: () =>
      z.object({ pinJobId: z.string().min(1).max(200), expected: z.number().int().min(1) }).strict(),
    output: () => z.object({ queued: z.number().int(), missingProfiles: z.number().int() }),
  }),

  ...popupCommands,
  /** Erases everything the extension keeps (SPEC §13). */
  'data.erase': command({
    from: PAGES,
    input: () => z.object({ confirm: z.literal(true) }).strict(),
    output: () => eraseViewSchema,
  }),
  // Both the overlay and the options page.
  'greenhouse.jobs': command({
    from: EVERYONE,
    input: () => none,
    output: () => z.array(greenhouseJobViewSchema),
  }),
  'export.retry': command({
    from: EVERYONE,
    input: () => z.object({ itemId: z.string().max(100) }).strict(),
    output: () => itemViewSchema.nullable(),
  }),

  // The overlay on Pin.
  ...listCommands,
  'pin.candidateState': command({
    from: PIN,
    input: () =>
      z
        .object({
          pinCandidateId: z.string().min(1).max(200),
          pinJobId: z.string().min(1).max(200),
        })
        .strict(),
    output: () => candidateStateSchema,
  }),
  'pin.presence': command({
    from: PIN,
    input: () => z.object({ candidate: pinCandidateSchema }).strict(),
    output: () => presenceViewSchema,
  }),
  'pin.preview': command({
    from: PIN,
    input: () =>
      z
        .object({
          candidate: pinCandidateSchema,
          pinJobId: z.string().min(1).max(200),
          greenhouseJobId: greenhouseId.nullable(),
        })
        .strict(),
    output: () => exportPreviewSchema,
  }),
  'pin.export': command({
    from: PIN,
    input: () =>
      z
        .object({
          candidate: pinCandidateSchema,
          job: pinJobSchema,
          greenhouseJobId: greenhouseId.nullable(),
        })
        .strict(),
    output: () => itemViewSchema,
  }),
  'ui.openOptions': command({
    from: PIN,
    input: () => none,
    output: () => z.object({ opened: z.boolean() }),
  }),
  'pin.resolveReview': command({
    from: PIN,
    input: () =>
      z.object({ itemId: z.string().max(100), choice: z.union([greenhouseId, z.literal('new')]) }).strict(),
    output: () => itemViewSchema.nullable(),
  }),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type ParsedInput<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>;

export const messageSchema = lazySchema(() =>
  z.object({ type: z.string().min(1), payload: z.unknown() }).strict(),
);
export type Message = z.infer<typeof messageSchema>;
