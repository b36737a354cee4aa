// The official IPTC ninjs schemas, found beside the repository, compiled with ajv for draft 2020-12 with
// formats checked. Fails with a clear message when the schema files are missing.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NinjsVersion } from '../../../src/core/export';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function ninjsSchemaFile(version: NinjsVersion): string {
  const p = path.resolve(repoRoot, '../shared/standards/ninjs', `ninjs-schema_${version}.json`);
  if (!existsSync(p))
    throw new Error(`The official ninjs ${version} schema is missing: expected it at ${p}.`);
  return p;
}

/** A validator returning the schema's complaints (empty when the item is valid). */
export function ninjsValidator(version: NinjsVersion): (data: unknown) => string[] {
  const schema = JSON.parse(readFileSync(ninjsSchemaFile(version), 'utf8')) as Record<string, unknown>;
  if (schema.$schema !== 'https://json-schema.org/draft/2020-12/schema') {
    throw new Error(`ninjs ${version}: expected a draft 2020-12 schema, found ${String(schema.$schema)}.`);
  }
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // The schemas reference GeoJSON for places' geometry; no export carries geometry, so any value is refused.
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', not: {} });
  const validate = ajv.compile(schema);
  return (data) =>
    validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
