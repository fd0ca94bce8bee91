/**
 * Read seed indicators from files as others publish them, for `chorus detect --seeds FILE`:
 *
 * - Meta `facebook/threat-research` indicator files (MIT), as published in `indicators/csv` and `indicators/tsv`:
 *   the kill-chain shape (Q1 2023 on: `Tactic, Technique, Procedure, Indicator[, Notes|Note|Comments]`), the legacy
 *   shape (2020–2022: `indicator_type, indicator_value, comment, ds`) and the two-column shape of the Markdown reports
 *   (`Indicator Type, Indicator Value`). Header cells are matched trimmed and case-insensitively (`Tactic ` with a
 *   trailing space is `Tactic`); a UTF-8 BOM, CRLF line ends, blank rows, summary counts mixed with URLs
 *   ("7,704 Facebook accounts") and defanged URLs (`hxxps://twitter[.]com/x`) are all handled.
 * - STIX 2.1 bundles (OASIS STIX 2.1, §4 bundle, §6 observables): `url`, `domain-name` and `user-account` objects,
 *   and `indicator`s whose STIX pattern compares `url:value`, `domain-name:value` or `user-account:account_login`.
 *
 * Every record read is accounted for: `read = accepted + Σ skipped`, with a reason per skip.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';

import Papa from 'papaparse';

import { InputError } from '../errors.js';
import type { Seed, SeedCounts } from '../model/seed.js';
import { normalizeMention } from '../traces/normalize-mention.js';
import {
  classifyIndicator,
  type IndicatorHint,
  type IndicatorResult,
  platformOfText,
} from './classify-indicator.js';

/** The shape a seed file was read as. */
export type SeedFileFormat = 'killchain' | 'legacy' | 'indicator-table' | 'stix';

/** Result of {@link readSeeds}. */
export interface SeedFile {
  format: SeedFileFormat;
  /** Seeds in file order, each (kind, value) once. */
  seeds: Seed[];
  /** Record counts: `read = accepted + Σ skipped`. */
  rows: SeedCounts;
}

/**
 * Read a seed file (CSV, TSV or STIX 2.1 JSON bundle; see the module comment).
 * @param path file path
 * @returns the seeds and the record counts
 * @throws {InputError} `INPUT_UNREADABLE` when the file cannot be read; `INPUT_FORMAT_UNKNOWN` when it is JSON but
 *   not a STIX bundle, or a table without an `Indicator`/`indicator_value`/`Indicator Value` column
 */
export async function readSeeds(path: string): Promise<SeedFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(
      'INPUT_UNREADABLE',
      path,
      `seeds: cannot read ${path}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return parseSeeds(text, path);
}

/**
 * {@link readSeeds} on text already read.
 * @param text file content
 * @param file file name recorded in each seed's `source`
 * @throws {InputError} `INPUT_FORMAT_UNKNOWN`, as {@link readSeeds}
 */
export function parseSeeds(text: string, file: string): SeedFile {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trimStart().startsWith('{')) return parseStix(body, file);
  return parseTable(body, file);
}

class Collector {
  readonly seeds: Seed[] = [];
  readonly rows: SeedCounts = { read: 0, accepted: 0, skipped: {} };
  private readonly seen = new Set<string>();
  constructor(readonly file: string) {}

  skip(reason: string): void {
    this.rows.read++;
    this.rows.skipped[reason] = (this.rows.skipped[reason] ?? 0) + 1;
  }

  /** Record one read record and the results it gave (several for a STIX indicator). */
  record(row: number, results: readonly IndicatorResult[], extra: Pick<Seed, 'ttp' | 'note'> = {}): void {
    const fresh: Seed[] = [];
    let reason = 'not-an-indicator';
    for (const result of results) {
      if ('skip' in result) {
        reason = result.skip;
        continue;
      }
      const key = `${result.seed.kind}\u0000${result.seed.value}`;
      if (this.seen.has(key)) {
        reason = 'duplicate';
        continue;
      }
      this.seen.add(key);
      const seed: Seed = { ...result.seed, source: { file: this.file, row } };
      if (extra.ttp !== undefined) seed.ttp = extra.ttp;
      const note = [extra.note, result.remark].filter((n) => n !== undefined && n !== '').join(' ');
      if (note !== '') seed.note = note;
      fresh.push(seed);
    }
    if (fresh.length === 0) {
      this.skip(reason);
      return;
    }
    this.rows.read++;
    this.rows.accepted++;
    this.seeds.push(...fresh);
  }
}

// — Tables —

const NOTE_HEADERS = new Set(['notes', 'note', 'comments', 'comment']);

interface Columns {
  format: Exclude<SeedFileFormat, 'stix'>;
  indicator: number;
  type: number;
  technique: number;
  procedure: number;
  note: number;
}

function columnsOf(header: readonly string[], file: string): Columns {
  const names = header.map((h) =>
    h
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const at = (...candidates: string[]) => names.findIndex((n) => candidates.includes(n));
  const note = names.findIndex((n) => NOTE_HEADERS.has(n));
  const killchain = at('indicator');
  if (killchain >= 0) {
    return {
      format: 'killchain',
      indicator: killchain,
      type: -1,
      technique: at('technique'),
      procedure: at('procedure'),
      note,
    };
  }
  const legacy = at('indicator_value');
  if (legacy >= 0)
    return {
      format: 'legacy',
      indicator: legacy,
      type: at('indicator_type'),
      technique: -1,
      procedure: -1,
      note,
    };
  const table = at('indicator value');
  if (table >= 0) {
    return {
      format: 'indicator-table',
      indicator: table,
      type: at('indicator type'),
      technique: -1,
      procedure: -1,
      note,
    };
  }
  throw new InputError(
    'INPUT_FORMAT_UNKNOWN',
    file,
    `seeds: ${file} has no Indicator, indicator_value or Indicator Value column (header: ${JSON.stringify(header.slice(0, 8))})`,
  );
}

function parseTable(text: string, file: string): SeedFile {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const tabs = firstLine.split('\t').length - 1;
  const delimiter = tabs > 0 && tabs >= firstLine.split(',').length - 1 ? '\t' : ',';
  const records = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data;
  // Papa returns a last [''] record for the final line end.
  const last = records.at(-1);
  if (last !== undefined && last.length === 1 && last[0] === '' && /\r?\n$/.test(text)) records.pop();
  if (records.length === 0) throw new InputError('INPUT_FORMAT_UNKNOWN', file, `seeds: ${file} is empty`);
  const columns = columnsOf(records[0]!, file);
  const out = new Collector(file);
  for (let i = 1; i < records.length; i++) {
    const cells = records[i]!;
    if (cells.every((c) => c.trim() === '')) {
      out.skip('blank-row');
      continue;
    }
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '').trim() : '');
    const hint = typeHint(cell(columns.type));
    if ('skip' in hint) {
      out.skip(hint.skip);
      continue;
    }
    const procedure = cell(columns.procedure);
    const platform = platformOfText(procedure);
    if (platform !== undefined) hint.platform = platform;
    const ttp = parseTtp(procedure) ?? parseTtp(cell(columns.technique));
    const extra: Pick<Seed, 'ttp' | 'note'> = { note: cell(columns.note) };
    if (ttp !== undefined) extra.ttp = ttp;
    out.record(i + 1, [classifyIndicator(cells[columns.indicator] ?? '', hint)], extra);
  }
  return { format: columns.format, seeds: out.seeds, rows: out.rows };
}

/**
 * The kind a legacy `indicator_type` (`cib_url`, `domain_name`, `telegram_url`, `md5`, …) or an `Indicator Type`
 * (`Domain`, `Social Media Account`, …) asks for: URLs and domains are read, hashes, IPs, app ids and e-mail
 * addresses are skipped as `unsupported-type:<type>`; other or empty types are guessed from the value.
 */
function typeHint(type: string): IndicatorHint | { skip: string } {
  const t = type.toLowerCase();
  if (t === '') return {};
  if (
    /(^|_|\s)(md5|sha\d*|ssdeep|ip|ipv4|ipv6|email|e-mail|android_package_name|ios_app_id|hash)($|_|\s)/.test(
      t,
    )
  ) {
    return { skip: `unsupported-type:${t.replace(/[^a-z0-9_ -]/g, '').slice(0, 40)}` };
  }
  if (t.includes('domain')) return { kind: 'domain' };
  if (t.includes('url')) return { kind: 'url' };
  return {};
}

/** `0.9.4 Acquiring X / Twitter accounts` → `{ id: '0.9.4', name: 'Acquiring X / Twitter accounts' }`. */
function parseTtp(text: string): Seed['ttp'] {
  const match = /^(\d+(?:\.\d+)*)\.?\s+(\S.*)$/s.exec(text.trim());
  if (match === null) return undefined;
  return { id: match[1]!, name: match[2]!.replace(/\s+/g, ' ').trim() };
}

// — STIX 2.1 —

type StixObject = Record<string, unknown>;

function parseStix(text: string, file: string): SeedFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      'INPUT_FORMAT_UNKNOWN',
      file,
      `seeds: ${file} is not valid JSON: ${(error as Error).message}`,
    );
  }
  const bundle = doc as { type?: unknown; objects?: unknown };
  if (bundle?.type !== 'bundle' || !Array.isArray(bundle.objects)) {
    throw new InputError('INPUT_FORMAT_UNKNOWN', file, `seeds: ${file} is JSON but not a STIX 2.1 bundle`);
  }
  const out = new Collector(file);
  for (const [index, object] of (bundle.objects as unknown[]).entries()) {
    if (object === null || typeof object !== 'object') {
      out.skip('stix-invalid-object');
      continue;
    }
    const o = object as StixObject;
    const results = stixResults(o);
    if (results === null) {
      const type = String(o.type)
        .replace(/[^a-z0-9-]/g, '')
        .slice(0, 40);
      out.skip(`stix-other:${type}`);
      continue;
    }
    out.record(index + 1, results, typeof o.name === 'string' ? { note: o.name } : {});
  }
  return { format: 'stix', seeds: out.seeds, rows: out.rows };
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

/** Results of one STIX object, or null for object types that carry no seed. */
function stixResults(o: StixObject): IndicatorResult[] | null {
  switch (o.type) {
    case 'url':
      return [classifyIndicator(str(o.value) ?? '', { kind: 'url' })];
    case 'domain-name':
      return [classifyIndicator(str(o.value) ?? '', { kind: 'domain' })];
    case 'user-account':
      return [accountResult(str(o.account_type), str(o.account_login), str(o.user_id))];
    case 'indicator':
      return o.pattern_type === undefined || o.pattern_type === 'stix'
        ? patternResults(str(o.pattern) ?? '')
        : [{ skip: 'indicator-pattern-not-stix' }];
    default:
      return null;
  }
}

function accountResult(
  type: string | undefined,
  login: string | undefined,
  userId: string | undefined,
): IndicatorResult {
  if (type === undefined) return { skip: 'account-without-platform' };
  const platform = type.toLowerCase();
  const handle = login?.replace(/^@/, '');
  if (handle === undefined || handle === '') return { skip: 'account-without-login' };
  const value = normalizeMention(platform, handle);
  if (value === null) return { skip: 'account-without-login' };
  const seed: IndicatorResult = { seed: { kind: 'account', value, platform, handle } };
  if (userId !== undefined) seed.seed.accountId = userId;
  return seed;
}

/** Comparisons `object:property = 'value'` of a STIX pattern (STIX 2.1 §9), quotes unescaped. */
const COMPARISON = /([a-z0-9-]+):([a-z0-9_.]+)\s*=\s*'((?:[^'\\]|\\.)*)'/g;

function patternResults(pattern: string): IndicatorResult[] {
  const results: IndicatorResult[] = [];
  let accountType: string | undefined;
  const logins: string[] = [];
  for (const m of pattern.matchAll(COMPARISON)) {
    const value = m[3]!.replace(/\\(.)/g, '$1');
    const what = `${m[1]}:${m[2]}`;
    if (what === 'url:value') results.push(classifyIndicator(value, { kind: 'url' }));
    else if (what === 'domain-name:value') results.push(classifyIndicator(value, { kind: 'domain' }));
    else if (what === 'user-account:account_login') logins.push(value);
    else if (what === 'user-account:account_type') accountType = value;
  }
  for (const login of logins) results.push(accountResult(accountType, login, undefined));
  if (results.length === 0) results.push({ skip: 'indicator-without-observable' });
  return results;
}
