import { listCommands } from './list-protocol';
import { commandSender } from './send';

/** The content script's sender: only the commands it sends on every Pin page (list-protocol.ts). */
export const sendListCommand = commandSender(listCommands);
