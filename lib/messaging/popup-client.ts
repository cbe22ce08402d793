import type { z } from 'zod';
import type { popupCommands } from './popup-protocol';
import { sendRaw } from './send';

type PopupCommands = typeof popupCommands;

/**
 * The popup's sender: only its own commands (popup-protocol.ts). Like the content script's (list-client.ts), it
 * loads no schema library: the background checks the input, and the answer, from this extension's own worker, is
 * trusted as typed, so the popup opens without building any schema.
 */
export const sendPopupCommand = <K extends keyof PopupCommands>(
  type: K,
  payload: z.input<PopupCommands[K]['input']>,
): Promise<z.output<PopupCommands[K]['output']>> =>
  sendRaw(type, payload) as Promise<z.output<PopupCommands[K]['output']>>;
