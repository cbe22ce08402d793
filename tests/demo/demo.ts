import fs from 'node:fs';
import path from 'node:path';
import { PIN_ORIGIN } from '../../lib/pin/host';
import { connectDemoCredential, openExportDialog, openOptionsPage, routeWorlds } from '../e2e/support/drive';
import { EXTENSION_DIR, launchWithExtension } from '../e2e/support/extension';
import { ADMIN_USER_ID, DEMO_CREDENTIAL } from '../harvest-sandbox/fixtures';
import { HarvestSandbox } from '../harvest-sandbox/sandbox';
import { loadDataset, SAMPLE_DATASET_PATH, startPinApp } from '../pin-app/server';

/**
 * `npm run demo`: the extension in Chromium against the demo Pin app and the Harvest sandbox. With a display it
 * opens a window to click around in; without one (or with --walkthrough) it runs a scripted walkthrough, saves
 * screenshots to demo-output/ and exits non-zero if a step fails.
 */
const OUT = path.resolve('demo-output');
const walkthrough = process.argv.includes('--walkthrough') || !process.env.DISPLAY || Boolean(process.env.CI);

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    const result = await run();
    console.log(`✔ ${name} (${Date.now() - started} ms)`);
    return result;
  } catch (error) {
    console.error(`✘ ${name}: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

async function main() {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json')))
    throw new Error('Build first: npm run build');
  const pinApp = await startPinApp({ dataset: loadDataset(SAMPLE_DATASET_PATH) });
  const sandbox = new HarvestSandbox();
  const context = await launchWithExtension({ headless: walkthrough });
  await routeWorlds(context, pinApp, sandbox);
  console.log(`Demo Pin app: ${pinApp.url} (served inside the browser as ${PIN_ORIGIN})`);
  console.log(
    `Demo Greenhouse credential: Client ID "${DEMO_CREDENTIAL.clientId}", Client Secret "${DEMO_CREDENTIAL.clientSecret}", Act as user ID ${ADMIN_USER_ID}`,
  );

  if (!walkthrough) {
    const options = await openOptionsPage(context);
    const pin = await context.newPage();
    await pin.goto(`${PIN_ORIGIN}/jobs`);
    await options.bringToFront();
    console.log(
      'A Chromium window is open: paste the credential above into the options page, then browse Pin. Close the window to stop.',
    );
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    await pinApp.close();
    return;
  }

  fs.mkdirSync(OUT, { recursive: true });
  const pin = await context.newPage();
  await pin.setViewportSize({ width: 1200, height: 860 });
  try {
    await step('Open the Pin jobs list (the extension learns the jobs)', async () => {
      await pin.goto(`${PIN_ORIGIN}/jobs`);
      await pin.locator('.job-card').first().waitFor();
    });
    const options = await openOptionsPage(context);
    await options.setViewportSize({ width: 1100, height: 1100 });
    await step('Connect Greenhouse on the options page', () => connectDemoCredential(options));
    await step('Enable "When they reply to an email" for Senior Backend Engineer', async () => {
      const group = options.getByRole('group', { name: 'Senior Backend Engineer' });
      await group.getByLabel('Greenhouse job').selectOption({ label: 'Senior Backend Engineer (ENG-101)' });
      await group.getByLabel('Trigger').selectOption({ label: 'When they reply to an email' });
      await group.getByRole('button', { name: 'Enable' }).click();
      await group.getByRole('button', { name: 'Disable' }).waitFor();
    });
    await step(
      'A reply arrives in Pin: 王小明 syncs by the rule, the badge appears in the pipeline',
      async () => {
        await pin.goto(`${PIN_ORIGIN}/jobs/j-backend`);
        await pin.locator('tr.pipeline-row').first().waitFor();
        const answer = pinApp.event({ jobId: 'j-backend', candidateId: 'c-wang', type: 'replied' });
        if (!answer.ok) throw new Error(answer.error);
        await pin
          .locator('tr.pipeline-row[data-candidate-id="c-wang"]')
          .getByRole('link', { name: 'Open in Greenhouse' })
          .waitFor({ timeout: 15_000 });
        await pin.screenshot({ path: path.join(OUT, 'pipeline-synced-badge.png') });
      },
    );
    await step('Manual "Export to ATS" of Ada Lovelace', async () => {
      const { panel, dialog } = await openExportDialog(
        pin,
        '/jobs/j-backend/candidates/c-ada',
        'Senior Backend Engineer (ENG-101)',
      );
      await pin.screenshot({ path: path.join(OUT, 'overlay-export-dialog.png') });
      await dialog.getByRole('button', { name: 'Export' }).click();
      await panel.getByRole('link', { name: 'Open in Greenhouse' }).waitFor({ timeout: 15_000 });
      await pin.screenshot({ path: path.join(OUT, 'overlay-synced.png') });
    });
    await step('The options page shows the activity log', async () => {
      await options.reload();
      await options
        .getByRole('region', { name: 'Activity' })
        .locator('tr[data-item-state="done"]')
        .nth(1)
        .waitFor();
      await options.screenshot({ path: path.join(OUT, 'options.png'), fullPage: true });
    });
    console.log(
      `\nGreenhouse sandbox now holds ${sandbox.candidates.length} people, ${sandbox.applications.length} applications, ` +
        `${sandbox.attachments.length} resumes and ${sandbox.notes.length} notes. Screenshots: ${OUT}`,
    );
  } finally {
    await context.close();
    await pinApp.close();
  }
}

main().catch(() => {
  process.exitCode = 1;
});
