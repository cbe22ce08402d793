import { BUILTIN_PIN_MAPPING } from '../../lib/pin/mapping/builtin';
import { expect, test } from './fixtures';
import { BOTH_MARKUPS } from './support/markups';
import { connectGreenhouse, gotoProfile, overlay } from './support/pages';

test('"What was read from this page" lists each field, its value and rule, and copies a report with no candidate data', {
  tag: BOTH_MARKUPS,
}, async ({ context, pinMarkup }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://app.pin.com' });
  const page = await context.newPage();
  const panel = await gotoProfile(page, 'j-backend', 'c-ada');
  const disclosure = panel.getByRole('group').filter({ hasText: 'What was read from this page' });
  // Keyboard: the summary is focusable and opens with Enter.
  await panel.getByText('What was read from this page').focus();
  await page.keyboard.press('Enter');
  const table = panel.getByRole('table');
  await expect(table).toBeVisible();
  const row = (field: string) =>
    table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: field, exact: true }) });
  await expect(row('name')).toContainText('Ada Lovelace');
  await expect(row('emails')).toContainText('ada@lovelace.dev');
  await expect(row('experience')).toContainText('(4)');
  await expect(row('name')).toContainText(
    pinMarkup === 'classic' ? 'selector .candidate-name' : 'main heading <h1>',
  );
  await expect(row('emails')).toContainText(
    pinMarkup === 'classic' ? 'selector a.contact-email' : 'mailto: links',
  );
  // Missing fields are flagged, not hidden: Ada has no outreach events yet.
  await expect(row('outreach events')).toContainText('Missing');

  await panel.getByRole('button', { name: 'Copy page report' }).click();
  await expect(panel.getByText('Copied: rules and counts only')).toBeVisible();
  const report = await page.evaluate(() => navigator.clipboard.readText());
  const parsed = JSON.parse(report) as {
    page: string;
    fields: { field: string; rule: string; count: number }[];
  };
  expect(parsed.page).toBe('profile');
  expect(parsed.fields.find((f) => f.field === 'experience')).toMatchObject({ count: 4 });
  for (const secret of ['Ada', 'Lovelace', 'lovelace.dev', '7946', 'c-ada', 'j-backend', 'linkedin.com/in'])
    expect(report).not.toContain(secret);
  await expect(disclosure).toHaveCount(1);
});

test('an admin repairs a changed Pin page by importing a mapping, with no rebuild or reload', {
  tag: BOTH_MARKUPS,
}, async ({ context, openOptions }) => {
  const options = await connectGreenhouse(openOptions);
  const page = await context.newPage();
  await gotoProfile(page, 'j-backend', 'c-ada');
  await expect(overlay(page).getByRole('button', { name: 'Export to ATS' })).toBeVisible();
  // Pin ships a redesign: the outreach section's heading now says "Campaign".
  await page.evaluate(() => {
    const heading = [...document.querySelectorAll('main h2')].find((h) => h.textContent === 'Outreach')!;
    heading.textContent = 'Campaign';
  });
  await expect(page.getByText(/cannot read this Pin page \(the outreach status is missing\)/)).toBeVisible();

  const section = options.page.getByRole('region', { name: 'Advanced: Pin page mapping' });
  await expect(section.getByRole('status').first()).toHaveText(/the built-in mapping \(version 1\)/);
  const editor = section.getByLabel('Mapping JSON');
  // A document that fails validation is refused with errors per field, and the current mapping is kept.
  await editor.fill(
    JSON.stringify({
      ...BUILTIN_PIN_MAPPING,
      version: 2,
      routes: { ...BUILTIN_PIN_MAPPING.routes, profile: '/x' },
    }),
  );
  await section.getByRole('button', { name: 'Import mapping' }).click();
  const alert = section.getByRole('alert');
  await expect(alert).toContainText('version: must be 1');
  await expect(alert).toContainText('routes.profile: must contain :jobId and :candidateId once');
  await editor.fill(
    JSON.stringify({
      ...BUILTIN_PIN_MAPPING,
      selectors: { ...BUILTIN_PIN_MAPPING.selectors, name: ['h1[[['] },
    }),
  );
  await section.getByRole('button', { name: 'Import mapping' }).click();
  await expect(alert).toContainText('selectors.name.0: "h1[[[" is not a valid CSS selector');
  await editor.fill('{ not json');
  await section.getByRole('button', { name: 'Import mapping' }).click();
  await expect(alert).toContainText('Not JSON');
  await expect(section.getByRole('status').first()).toHaveText(/the built-in mapping/);

  // The repaired mapping: the new heading word added. The open Pin page reads again at once.
  const repaired = {
    ...BUILTIN_PIN_MAPPING,
    name: 'Campaign heading fix',
    headings: {
      ...BUILTIN_PIN_MAPPING.headings,
      outreach: [...BUILTIN_PIN_MAPPING.headings.outreach, 'Campaign'],
    },
  };
  await editor.fill(JSON.stringify(repaired));
  await section.getByRole('button', { name: 'Import mapping' }).click();
  await expect(section.getByRole('status').first()).toHaveText(/the imported mapping “Campaign heading fix”/);
  await expect(overlay(page).getByRole('button', { name: 'Export to ATS' })).toBeVisible();
  await expect(page.getByText(/cannot read this Pin page/)).toHaveCount(0);

  // Export gives the mapping in use back as a file; Reset returns to the built-in one.
  const download = options.page.waitForEvent('download');
  await section.getByRole('button', { name: 'Export' }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toEqual(repaired);
  await section.getByRole('button', { name: 'Reset to built-in' }).click();
  await expect(section.getByRole('status').first()).toHaveText(/the built-in mapping/);
  await expect(page.getByText(/cannot read this Pin page \(the outreach status is missing\)/)).toBeVisible();
});
