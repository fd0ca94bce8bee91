/**
 * The co-action window of each trace kind, and how it was chosen: the documented default, the `--window`
 * option, or (with `autoWindow`) Chorus's estimate from the data. Both estimates are computed for every paired kind
 * that has traces and reported side by side in run.json and the report: Chorus's excess-synchrony estimate
 * (`estimateWindows`) and CooRnet's `estimate_coord_interval(q = 0.1, p = 0.5)` (Giglietto et al. 2020,
 * doi:10.1080/1369118X.2020.1739732).
 */
import { type CoactionOptionsInput, resolveCoactionOptions } from '../detect/co-action-options.js';
import { estimateCoordInterval } from '../detect/estimate-coord-interval.js';
import { estimateWindows } from '../detect/estimate-windows.js';
import type { WindowReport } from '../model/run-info.js';
import type { TraceKind } from '../model/trace.js';
import type { DuckStore } from '../store/duck-store.js';

/**
 * Largest estimate `autoWindow` applies, seconds (1 h). On realistic organic data the excess-synchrony estimate of
 * links, shares and hashtags can reach hours (objects live for hours, and a random shift breaks that too); such an
 * estimate describes news cycles, not coordination, so the kind keeps its documented window.
 */
export const AUTO_WINDOW_MAX_SECONDS = 3600;

/** What {@link chooseWindows} decided. */
export interface ChosenWindows {
  /** Window per kind to pair with, seconds. */
  windowSeconds: Record<TraceKind, number>;
  /** One report per paired kind with traces, in the order of the co-action kinds. */
  reports: WindowReport[];
}

/**
 * Estimate the windows and choose the ones to use.
 * @param store a case whose `traces` table is filled
 * @param coaction the co-action options (kinds, windows given by the user)
 * @param tracesByKind traces per kind (kinds without traces get no report)
 * @param auto apply Chorus's estimate where it is `ok` and ≤ {@link AUTO_WINDOW_MAX_SECONDS}
 * @throws {ConfigError} on invalid co-action options; {@link StoreError} when a query fails
 */
export async function chooseWindows(
  store: DuckStore,
  coaction: CoactionOptionsInput,
  tracesByKind: Readonly<Record<string, number>>,
  auto: boolean,
): Promise<ChosenWindows> {
  const resolved = resolveCoactionOptions(coaction);
  const given = coaction.windowSeconds ?? {};
  const windowSeconds = { ...resolved.windowSeconds };
  const kinds = resolved.kinds.filter((kind) => (tracesByKind[kind] ?? 0) > 0);
  const ours = kinds.length === 0 ? [] : await estimateWindows(store, { kinds });
  const reports: WindowReport[] = [];
  for (const [i, kind] of kinds.entries()) {
    const estimate = ours[i]!;
    const coornet = await estimateCoordInterval(store, { kind });
    const named = Object.hasOwn(given, kind) || Object.hasOwn(given, 'default');
    let source: WindowReport['source'] = named ? 'option' : 'default';
    if (
      auto &&
      estimate.status === 'ok' &&
      estimate.seconds !== null &&
      estimate.seconds <= AUTO_WINDOW_MAX_SECONDS
    ) {
      windowSeconds[kind] = estimate.seconds;
      source = 'auto';
    }
    reports.push({
      kind,
      usedSeconds: windowSeconds[kind],
      source,
      estimateSeconds: estimate.seconds,
      estimateStatus: estimate.status,
      coornetSeconds: coornet.seconds === null ? null : Math.round(coornet.seconds * 1000) / 1000,
    });
  }
  return { windowSeconds, reports };
}
