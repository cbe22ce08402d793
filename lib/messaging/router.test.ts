import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppFailure } from './envelope';
import { createRouter, type Handlers } from './router';

const only = (handlers: Partial<Handlers>) => handlers as Handlers;

import { classifySender } from './sender';

const facts = { extensionId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id' };
const optionsTab: Browser.runtime.MessageSender = {
  id: 'ext-id',
  url: 'chrome-extension://ext-id/options.html',
  tab: { id: 7 } as Browser.tabs.Tab,
  frameId: 0,
};
const pinTab: Browser.runtime.MessageSender = {
  id: 'ext-id',
  url: 'https://app.pin.com/jobs/1',
  tab: { id: 9 } as Browser.tabs.Tab,
  frameId: 0,
};

describe('classifySender', () => {
  it('tells extension pages by origin even when they sit in a tab', () => {
    expect(classifySender(optionsTab, facts)).toBe('extension-page');
  });
  it('accepts Pin content scripts only from the top frame of a Pin tab', () => {
    expect(classifySender(pinTab, facts)).toBe('pin-content');
    expect(classifySender({ ...pinTab, frameId: 3 }, facts)).toBe('untrusted');
    expect(classifySender({ ...pinTab, tab: undefined }, facts)).toBe('untrusted');
  });
  it('refuses other extensions, other hosts and look-alike origins', () => {
    expect(classifySender({ ...optionsTab, id: 'other' }, facts)).toBe('untrusted');
    expect(classifySender({ ...pinTab, url: 'https://evil.example/jobs' }, facts)).toBe('untrusted');
    expect(classifySender({ ...pinTab, url: 'https://app.pin.com.evil.example/' }, facts)).toBe('untrusted');
    expect(classifySender({ ...pinTab, url: 'not a url' }, facts)).toBe('untrusted');
  });
});

describe('createRouter', () => {
  const handlers = only({ ping: () => ({ pong: true, version: '1.2.3' }) });
  beforeEach(() => fakeBrowser.reset());

  it('answers a valid command with a result envelope', async () => {
    const route = createRouter(handlers, facts);
    await expect(route({ type: 'ping', payload: {} }, pinTab)).resolves.toEqual({
      ok: true,
      data: { pong: true, version: '1.2.3' },
    });
  });

  it.each([
    ['a non-object', 'ping'],
    ['a message without type', { payload: {} }],
    ['extra top-level keys', { type: 'ping', payload: {}, sneaky: true }],
    ['a payload with unknown keys', { type: 'ping', payload: { x: 1 } }],
  ])('rejects %s with bad_request', async (_label, message) => {
    const route = createRouter(handlers, facts);
    const answer = await route(message, pinTab);
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('rejects unknown commands, including prototype names', async () => {
    const route = createRouter(handlers, facts);
    for (const type of ['nope', 'toString', '__proto__']) {
      expect(await route({ type, payload: {} }, pinTab)).toMatchObject({
        ok: false,
        error: { code: 'unknown_command' },
      });
    }
  });

  it('refuses privileged commands from content scripts and content commands from extension pages', async () => {
    const route = createRouter(handlers, facts);
    const connect = {
      type: 'connection.connect',
      payload: { clientId: 'a', clientSecret: 'b', actAsUserId: null },
    };
    expect(await route(connect, pinTab)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await route({ type: 'connection.status', payload: {} }, pinTab)).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
    expect(
      await route({ type: 'pin.observe', payload: { jobs: [], observations: [] } }, optionsTab),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
  });

  it('refuses untrusted senders before running the handler', async () => {
    let ran = false;
    const route = createRouter(
      only({
        ping: () => {
          ran = true;
          return { pong: true, version: '0' };
        },
      }),
      facts,
    );
    const answer = await route({ type: 'ping', payload: {} }, { ...pinTab, url: 'https://evil.example/' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(ran).toBe(false);
  });

  it('turns handler failures into error envelopes with a human message', async () => {
    const typed = createRouter(
      only({
        ping: () => {
          throw new AppFailure('not_connected', 'Connect Greenhouse first');
        },
      }),
      facts,
    );
    expect(await typed({ type: 'ping', payload: {} }, pinTab)).toEqual({
      ok: false,
      error: { code: 'not_connected', message: 'Connect Greenhouse first' },
    });
    const crashing = createRouter(
      only({
        ping: () => {
          throw new Error('boom');
        },
      }),
      facts,
    );
    expect(await crashing({ type: 'ping', payload: {} }, pinTab)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'boom' },
    });
  });
});
