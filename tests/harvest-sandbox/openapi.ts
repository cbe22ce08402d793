import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/** Greenhouse's own OpenAPI 3.1 document (partial copy) kept in tests/fixtures. */
export const OPENAPI_PATH = path.resolve(import.meta.dirname, '../fixtures/harvest-v3-openapi.partial.json');

interface OpenApiDoc {
  components: { schemas: Record<string, unknown> };
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>>;
}

let cached: { doc: OpenApiDoc; ajv: Ajv2020 } | null = null;

function load() {
  if (cached) return cached;
  const doc = JSON.parse(fs.readFileSync(OPENAPI_PATH, 'utf8')) as OpenApiDoc;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
  addFormats(ajv);
  ajv.addSchema({ $id: 'harvest', components: doc.components }, 'harvest');
  cached = { doc, ajv };
  return cached;
}

export type ComponentName =
  | 'candidate'
  | 'application'
  | 'attachment'
  | 'note'
  | 'candidate_employment'
  | 'candidate_education'
  | 'job'
  | 'user'
  | 'source'
  | 'custom_field_option';

/** Errors of `value` against a component schema, or [] when it validates. */
export function componentErrors(name: ComponentName, value: unknown): string[] {
  const { ajv } = load();
  const validate = ajv.getSchema(`harvest#/components/schemas/${name}`);
  if (!validate) throw new Error(`No component schema "${name}"`);
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}`);
}

/** Errors of a request body against the document's request schema for that path, or null when it has none. */
export function requestBodyErrors(method: string, pathTemplate: string, body: unknown): string[] | null {
  const { doc, ajv } = load();
  const schema =
    doc.paths[pathTemplate]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
  if (!schema) return null;
  const key = `request:${method}:${pathTemplate}`;
  let validate = ajv.getSchema(key);
  if (!validate) {
    ajv.addSchema(schema as object, key);
    validate = ajv.getSchema(key)!;
  }
  return validate(body)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}`);
}
