import type { SyntheticEvent } from 'react';

/**
 * Runs a handler only for real user input. Pin's own scripts can reach the open shadow root and call
 * `click()`, but such events are not trusted, so the page cannot start exports or answer reviews.
 */
export function trusted<E extends SyntheticEvent>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.nativeEvent.isTrusted) handler(event);
  };
}
