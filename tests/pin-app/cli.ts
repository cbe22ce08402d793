import { parseArgs } from 'node:util';
import { loadDataset, SAMPLE_DATASET_PATH, startPinApp } from './server';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '4010' },
    markup: { type: 'string', default: 'classic' },
    'session-cookie': { type: 'string', default: 'none' },
  },
});
if (values.markup !== 'classic' && values.markup !== 'utility') {
  console.error(`--markup must be "classic" or "utility", got "${values.markup}"`);
  process.exit(2);
}
const markup = values.markup;
const sessionCookie = values['session-cookie'];
if (sessionCookie !== 'none' && sessionCookie !== 'lax') {
  console.error(`--session-cookie must be "none" or "lax", got "${sessionCookie}"`);
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got "${values.port}"`);
  process.exit(2);
}
try {
  const dataset = loadDataset(values.data ?? SAMPLE_DATASET_PATH);
  const app = await startPinApp({ dataset, port, markup, sessionCookie });
  console.log(app.url);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
