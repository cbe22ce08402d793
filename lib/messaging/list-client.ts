import type { z } from 'zod';
import type { listCommands } from './list-protocol';
import { sendRaw } from './send';

type ListCommands = typeof listCommands;

/**
 * The content script's sender for the two commands it sends on every Pin page (list-protocol.ts). The background
 * checks the input against the schemas; the answer, from this extension's own worker, is trusted as typed, so that
 * no schema library loads with every Pin page (types come from the schemas, erased at build).
 */
export const sendListCommand = <K extends keyof ListCommands>(
  type: K,
  payload: z.input<ListCommands[K]['input']>,
): Promise<z.output<ListCommands[K]['output']>> =>
  sendRaw(type, payload) as Promise<z.output<ListCommands[K]['output']>>;
