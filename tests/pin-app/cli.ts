import { parseArgs } from 'node:util';
import { loadDataset, SAMPLE_DATASET_PATH, startPinApp } from './server';

const { values } = parseArgs({
  options: { data: { type: 'string' }, port: { type: 'string', default: '4010' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got "${values.port}"`);
  process.exit(2);
}
try {
  const dataset = loadDataset(values.data ?? SAMPLE_DATASET_PATH);
  const app = await startPinApp({ dataset, port });
  console.log(app.url);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
