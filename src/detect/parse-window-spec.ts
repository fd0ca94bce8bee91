/**
 * Parse the co-action window option of the CLI (`--window`) into a {@link WindowSpec}: one window for every kind
 * (`60s`), windows for named kinds (`share=10s,url=60s`), or both (`2m,share=10s`). The windows are those of
 * the co-action definition (Keller et al. 2020, doi:10.1080/10584609.2019.1661888; Giglietto et al. 2020,
 * doi:10.1080/1369118X.2020.1739732): |t_a − t_b| ≤ W.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import { TRACE_KINDS, type TraceKind } from '../model/trace.js';
import type { WindowSpec } from './co-action-options.js';

/** Seconds per unit suffix of a duration. */
const UNIT_SECONDS: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400 };

const DURATION = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|h|d)?$/i;
const KIND_SET: ReadonlySet<string> = new Set(TRACE_KINDS);

/**
 * Parse a window specification.
 *
 * Grammar: comma-separated parts; a part is `DURATION` (the `default`, for every kind not named) or
 * `KIND=DURATION` (`KIND` a trace kind or `default`). A duration is a non-negative decimal number with an optional
 * unit `ms`, `s` (the default unit), `m`, `h` or `d`, case-insensitive; it must come to a whole number of
 * milliseconds. White space around parts, `=` and units is ignored.
 *
 * @param spec e.g. `'60s'`, `'2m'`, `'1h'`, `'share=10s,url=60s'`, `'90,text=5m'`
 * @returns seconds per named kind, plus `default` when a bare duration (or `default=`) was given
 * @throws {ConfigError} `CONFIG_INVALID`, quoting the offending part, when the spec is empty, a part is empty,
 *   a kind is unknown, a kind is given twice, or a duration is malformed, negative or finer than 1 ms
 * @example
 * parseWindowSpec('share=10s,url=1m') // { share: 10, url: 60 }
 * parseWindowSpec('2m,text=300')      // { default: 120, text: 300 }
 */
export function parseWindowSpec(spec: string): WindowSpec {
  const fail = (part: string, expecting: string): never => {
    throw new ConfigError(`detect/co-action: invalid window "${part}" in "${spec}". Expecting ${expecting}.`);
  };
  if (spec.trim() === '') fail(spec, 'a duration like 60s, or kind=duration pairs like share=10s,url=60s');
  const out: Partial<Record<TraceKind | 'default', number>> = {};
  for (const raw of spec.split(',')) {
    const part = raw.trim();
    if (part === '') fail(raw, 'a duration or kind=duration between the commas');
    const eq = part.indexOf('=');
    const key = eq < 0 ? 'default' : part.slice(0, eq).trim().toLowerCase();
    const value = eq < 0 ? part : part.slice(eq + 1).trim();
    if (key !== 'default' && !KIND_SET.has(key))
      fail(part, `a trace kind (${TRACE_KINDS.join(', ')}) or default`);
    if (out[key as TraceKind | 'default'] !== undefined)
      fail(part, `each kind at most once ("${key}" repeats)`);
    const match = DURATION.exec(value);
    if (!match) fail(part, 'a non-negative duration like 500ms, 10s, 2m, 1h or 1d');
    const seconds = Number(match?.[1]) * (UNIT_SECONDS[(match?.[2] ?? 's').toLowerCase()] ?? 1);
    const ms = seconds * 1000;
    if (!Number.isFinite(ms) || Math.abs(ms - Math.round(ms)) > 1e-6)
      fail(part, 'a whole number of milliseconds');
    out[key as TraceKind | 'default'] = Math.round(ms) / 1000;
  }
  return out;
}
