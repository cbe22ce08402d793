import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { EndpointScope } from './drift';
import { seedGeneratedPeople } from './generate';
import { HarvestSandbox } from './sandbox';
import { serveSandbox } from './server';
import type { SandboxConfig } from './types';

const USAGE = `Usage: npm run harvest-sandbox -- [--port N] [--host H] [--config FILE]
  [--drift [all | "METHOD /v3/path,/v3/path"]] [--unreadable [all | endpoints]]
  [--employment-start-date required|optional] [--people N]`;

// `--drift` and `--unreadable` may stand alone (meaning everywhere): give them a value parseArgs accepts.
const MODE_FLAGS = new Set(['--drift', '--unreadable']);
const argv = process.argv.slice(2).flatMap((arg, i, all) => {
  const next = all[i + 1];
  return MODE_FLAGS.has(arg) && (next === undefined || next.startsWith('--')) ? [arg, 'all'] : [arg];
});

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let values: ReturnType<typeof parse>['values'];
function parse() {
  return parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '4011' },
      config: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      drift: { type: 'string' },
      unreadable: { type: 'string' },
      'employment-start-date': { type: 'string' },
      people: { type: 'string' },
    },
  });
}
try {
  values = parse().values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a port number, got "${values.port}"`);
let config: SandboxConfig = {};
if (values.config) {
  try {
    config = JSON.parse(fs.readFileSync(values.config, 'utf8')) as SandboxConfig;
  } catch (error) {
    fail(`Cannot read --config ${values.config}: ${error instanceof Error ? error.message : error}`);
  }
}
const scope = (flag: string, value: string | undefined): EndpointScope | undefined => {
  if (value === undefined) return undefined;
  if (value === 'all') return true;
  const endpoints = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = endpoints.find((e) => !/^([A-Za-z]+\s+)?\/v3\/[\w/{}]+$/.test(e));
  if (bad || endpoints.length === 0)
    fail(`${flag}: "${bad ?? value}" is not "all" or an endpoint like "POST /v3/notes"`);
  return endpoints;
};
const drift = scope('--drift', values.drift);
const unreadable = scope('--unreadable', values.unreadable);
if (drift !== undefined) config.drift = drift;
if (unreadable !== undefined) config.unreadable = unreadable;
const startDate = values['employment-start-date'];
if (startDate !== undefined) {
  if (startDate !== 'required' && startDate !== 'optional')
    fail(`--employment-start-date must be "required" or "optional", got "${startDate}"`);
  config.employmentStartDate = startDate;
}

const sandbox = new HarvestSandbox(config);
if (values.people !== undefined) {
  const people = Number(values.people);
  if (!Number.isInteger(people) || people < 0 || people > 1_000_000)
    fail(`--people must be 0 to 1000000, got "${values.people}"`);
  seedGeneratedPeople(sandbox, people);
  console.log(`Seeded ${people} generated Greenhouse people`);
}
const { url } = await serveSandbox(sandbox, port, values.host);
const credential = [...sandbox.credentials.values()][0];
console.log(`Harvest sandbox listening on ${url}`);
if (config.drift) console.log(`Drift: ${config.drift === true ? 'every endpoint' : config.drift.join(', ')}`);
if (config.unreadable)
  console.log(
    `Unreadable write answers: ${config.unreadable === true ? 'every endpoint' : config.unreadable.join(', ')}`,
  );
if (credential) console.log(`Client ID: ${credential.clientId}\nClient Secret: ${credential.clientSecret}`);
