import type { ElementHandle, EvaluateFunc, HandleFor, Page } from 'puppeteer-core';

/**
 * Small page helpers for Firefox tests, by what a user sees: button text and field labels. `overlay` scopes a
 * search to the extension's open shadow root on Pin. Clicks and typing go through WebDriver BiDi input actions,
 * so the page sees trusted events (the overlay ignores untrusted ones).
 */
export type Scope = 'page' | 'overlay';

/**
 * Polls `predicate` in the page until it returns something truthy, and returns that as a handle. Puppeteer's own
 * `waitForFunction` compiles the predicate inside the page with `new Function`, which an extension page's CSP
 * refuses in Firefox 140 ESR ("call to Function() blocked by CSP"); `evaluateHandle` hands it to the browser over
 * WebDriver BiDi instead, as Playwright's locators do.
 */
export async function waitUntil<Params extends unknown[], Func extends EvaluateFunc<Params>>(
  page: Page,
  predicate: Func,
  options: { timeout: number; polling?: number },
  ...args: Params
): Promise<HandleFor<Awaited<ReturnType<Func>>>> {
  const deadline = Date.now() + options.timeout;
  for (;;) {
    const handle = await page.evaluateHandle(predicate, ...args);
    if (await page.evaluate((value) => Boolean(value), handle)) return handle;
    await handle.dispose();
    if (Date.now() > deadline)
      throw new Error(`Waited ${options.timeout} ms for the page: ${predicate.toString().slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, options.polling ?? 200));
  }
}

export async function textOf(page: Page, scope: Scope = 'page'): Promise<string> {
  return page.evaluate((scope) => {
    const root = scope === 'overlay' ? document.querySelector('pin-greenhouse-sync')?.shadowRoot : document;
    if (!root) return '';
    const el = root instanceof Document ? root.body : root;
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, as a user reads it
    return (el as HTMLElement).innerText ?? el.textContent ?? '';
  }, scope);
}

export async function waitForText(
  page: Page,
  text: string | RegExp,
  options: { scope?: Scope; timeout?: number } = {},
): Promise<void> {
  const pattern =
    typeof text === 'string'
      ? { source: text, flags: '', literal: true }
      : { source: text.source, flags: text.flags, literal: false };
  await waitUntil(
    page,
    (scope, p) => {
      const root = scope === 'overlay' ? document.querySelector('pin-greenhouse-sync')?.shadowRoot : document;
      if (!root) return false;
      const content =
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, as a user reads it
        (root instanceof Document ? root.body.innerText : (root as ShadowRoot).textContent) ?? '';
      return p.literal ? content.includes(p.source) : new RegExp(p.source, p.flags).test(content);
    },
    { timeout: options.timeout ?? 15_000, polling: 200 },
    options.scope ?? 'page',
    pattern,
  ).catch(async (error: Error) => {
    // What the user saw instead says why (an error message, another step).
    const shown = await textOf(page, options.scope).catch(() => '(the page could not be read)');
    throw new Error(`"${text}" did not appear. The page shows:\n${shown.slice(0, 1500)}`, { cause: error });
  });
}

/** The element matching `selector` whose trimmed text (or aria-label) is exactly `name`. */
export async function find(
  page: Page,
  selector: string,
  name: string,
  options: { scope?: Scope; timeout?: number } = {},
): Promise<ElementHandle<Element>> {
  const handle = await waitUntil(
    page,
    (scope, sel, wanted) => {
      const root = scope === 'overlay' ? document.querySelector('pin-greenhouse-sync')?.shadowRoot : document;
      return (
        [...(root?.querySelectorAll(sel) ?? [])].find(
          (el) => el.textContent?.trim() === wanted || el.getAttribute('aria-label') === wanted,
        ) ?? null
      );
    },
    { timeout: options.timeout ?? 15_000, polling: 200 },
    options.scope ?? 'page',
    selector,
    name,
  );
  return handle as ElementHandle<Element>;
}

/**
 * Clicks like Playwright does once an element is actionable: enabled, and in the same place for two frames in a row.
 * Puppeteer clicks at coordinates it took a round trip earlier, so an element still moving would be missed.
 */
export async function click(page: Page, name: string, options: { scope?: Scope; selector?: string } = {}) {
  const element = await find(page, options.selector ?? 'button, a', name, options);
  await element.evaluate(
    (el) =>
      new Promise<void>((resolve) => {
        let last = '';
        const tick = () => {
          const r = el.getBoundingClientRect();
          const where = `${r.x},${r.y},${r.width},${r.height}`;
          if (where === last && !(el as HTMLButtonElement).disabled) resolve();
          else {
            last = where;
            requestAnimationFrame(tick);
          }
        };
        requestAnimationFrame(tick);
      }),
  );
  await element.click();
}

/** The form control a `<label>` with this exact text points at, optionally inside a fieldset with that legend. */
export async function control(
  page: Page,
  label: string,
  options: { scope?: Scope; group?: string } = {},
): Promise<ElementHandle<Element>> {
  const handle = await waitUntil(
    page,
    (scope, text, legend) => {
      const root = scope === 'overlay' ? document.querySelector('pin-greenhouse-sync')?.shadowRoot : document;
      const within = legend
        ? [...(root?.querySelectorAll('fieldset') ?? [])].find(
            (f) => f.querySelector('legend')?.textContent?.trim() === legend,
          )
        : root;
      const found = [...(within?.querySelectorAll('label') ?? [])].find(
        (l) => l.textContent?.trim() === text,
      );
      return (found as HTMLLabelElement | undefined)?.control ?? null;
    },
    { timeout: 15_000, polling: 200 },
    options.scope ?? 'page',
    label,
    options.group ?? null,
  );
  return handle as ElementHandle<Element>;
}

export async function fill(page: Page, label: string, value: string): Promise<void> {
  const input = await control(page, label);
  await input.click({ count: 3 });
  await input.press('Backspace');
  if (value) await input.type(value);
  // Keys that did not arrive fail here, with what the field holds, not as a later step's missing text.
  await waitUntil(
    page,
    (el, v) => (el as HTMLInputElement).value === v,
    { timeout: 5_000 },
    input,
    value,
  ).catch(async (error: Error) => {
    const held = await page.evaluate((el) => (el as HTMLInputElement).value, input).catch(() => '?');
    throw new Error(`"${label}" holds "${held}" after typing "${value}"`, { cause: error });
  });
}

/** Chooses the option whose text is `optionText` in the select labelled `label`. */
export async function choose(
  page: Page,
  label: string,
  optionText: string,
  options: { scope?: Scope; group?: string } = {},
): Promise<void> {
  const select = (await control(page, label, options)) as ElementHandle<HTMLSelectElement>;
  await waitUntil(
    page,
    (el, text) => [...(el as HTMLSelectElement).options].some((o) => o.textContent?.trim() === text),
    { timeout: 15_000, polling: 200 },
    select,
    optionText,
  );
  const value = await select.evaluate(
    (el, text) => [...el.options].find((o) => o.textContent?.trim() === text)!.value,
    optionText,
  );
  await select.select(value);
}
