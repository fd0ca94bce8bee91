/**
 * A STIX 2.1 validator for tests: every OASIS schema vendored in data/stix21 loaded locally with ajv (draft
 * 2020-12), `$ref`s resolved by `$id` — nothing is fetched. `objectErrors` checks one object against the schema of
 * its type; `bundleValidator` the bundle envelope.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { domainToASCII } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';

const STIX_DIR = join(import.meta.dirname, '../../data/stix21');
const SCHEMA_BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas';
const ajv = new Ajv2020({ allErrors: true, strictTypes: false, unicodeRegExp: false });
// ajv-formats is CommonJS: under NodeNext its default export is reached through `.default` (set on the function).
ajvFormats.default(ajv);
// `idn-hostname` (RFC 5890) is not in ajv-formats: a name WHATWG's IDNA accepts, with LDH labels of 1–63.
ajv.addFormat('idn-hostname', (value: string) => {
  const ascii = domainToASCII(value);
  return (
    ascii !== '' &&
    ascii.length <= 253 &&
    ascii.split('.').every((l) => /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i.test(l) && l.length <= 63)
  );
});
for (const dir of ['common', 'sdos', 'sros', 'observables'])
  for (const file of readdirSync(join(STIX_DIR, 'schemas', dir)))
    ajv.addSchema(JSON.parse(readFileSync(join(STIX_DIR, 'schemas', dir, file), 'utf8')));

/** The schema folder of each object type Chorus writes. */
export const SCHEMA_DIR_OF: Readonly<Record<string, string>> = {
  identity: 'sdos',
  campaign: 'sdos',
  'attack-pattern': 'sdos',
  indicator: 'sdos',
  'observed-data': 'sdos',
  relationship: 'sros',
  'user-account': 'observables',
  url: 'observables',
  'domain-name': 'observables',
};

/** The vendored data/stix21 folder. */
export const STIX_DATA_DIR = STIX_DIR;

/** The compiled validator of a schema path such as `sdos/campaign`. */
export const validatorOf = (path: string): ValidateFunction => ajv.getSchema(`${SCHEMA_BASE}/${path}.json`)!;

/** The validator of `common/bundle`. */
export const bundleValidator: ValidateFunction = validatorOf('common/bundle');

/** Schema errors of one object against the schema of its type ([] when valid). */
export function objectErrors(object: { type: string; id: string }): string[] {
  const dir = SCHEMA_DIR_OF[object.type];
  if (dir === undefined) return [`no schema for type ${object.type}`];
  const id = object.id;
  const validate = validatorOf(`${dir}/${object.type}`);
  if (validate(object)) return [];
  return (validate.errors ?? []).map((e) => `${id} ${e.instancePath} ${e.message}`);
}
