import { popupCommands } from './popup-protocol';
import { commandSender } from './send';

/** The popup's sender: only its own commands (popup-protocol.ts), so it opens fast. */
export const sendPopupCommand = commandSender(popupCommands);
