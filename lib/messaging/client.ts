import { commands } from './protocol';
import { commandSender } from './send';

/** Sends any command of the protocol (extension pages and the overlay panel). */
export const sendCommand = commandSender(commands);
