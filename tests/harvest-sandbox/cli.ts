import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { HarvestSandbox } from './sandbox';
import { serveSandbox } from './server';
import type { SandboxConfig } from './types';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4011' },
    config: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got "${values.port}"`);
  process.exit(2);
}
let config: SandboxConfig = {};
if (values.config) {
  try {
    config = JSON.parse(fs.readFileSync(values.config, 'utf8')) as SandboxConfig;
  } catch (error) {
    console.error(`Cannot read --config ${values.config}: ${error instanceof Error ? error.message : error}`);
    process.exit(2);
  }
}
const sandbox = new HarvestSandbox(config);
const { url } = await serveSandbox(sandbox, port, values.host);
const credential = [...sandbox.credentials.values()][0];
console.log(`Harvest sandbox listening on ${url}`);
if (credential) console.log(`Client ID: ${credential.clientId}\nClient Secret: ${credential.clientSecret}`);
