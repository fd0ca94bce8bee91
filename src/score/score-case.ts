/**
 * Scores with reasons: one 0–1 score per cluster and per clustered account, combining the evidence of
 * coordination, each with plain-words reasons, links to the evidence and DISARM / Meta kill-chain ids.
 *
 * Components c_i ∈ [0, 1] (docs/methods.md §9):
 * - `significance`: median over the cluster's (account's) kept edges of −log10 p under the null model
 *   (`computeEdgeSignificance`; an edge inside a group supported as a whole counts with the smaller of its own and
 *   its group's p, `supportSignificantGroups`), divided by 20 and capped at 1 (p = 10^−20 or smaller gives 1);
 * - `synchrony`: 1 − median Δt / W of the dominant trace kind (acting together well inside the window);
 * - `duplication`: share of the co-actions on content — identical text, near-duplicate text, shared
 *   misspellings, the same image (copypasta; DISARM T0084.001);
 * - `diversity`: (trace families with co-actions − 1) / 3, capped at 1: links, hashtags, shares, replies and
 *   mentions, text, media, other objects (Pacheco et al. 2021, doi:10.1609/icwsm.v15i1.18075: several traces at
 *   once are stronger evidence than one);
 * - `schedule`: confidence of an office-hours fit of the posts (Meta kill chain 3.1 "coordinating shift patterns");
 * - `creation`: share of members in a significant creation cohort (DISARM T0150.001, T0150.008);
 * - `handles`: share of members with machine-made handles (name plus digits, random strings);
 * - `crossPlatform`: 1 when the cluster spans two or more platforms (DISARM T0119.002).
 * Combination: noisy-OR, score = 1 − Π_i (1 − w_i · c_i), with the weights of {@link SCORE_WEIGHTS}: each
 * component is independent evidence, any strong one raises the score, and none alone reaches 1. Accounts use the
 * same components over their own kept edges, their own schedule fit, cohort and handle.
 *
 * @module
 */
import { BEHAVIOURS, type BehaviourId, describeTtps, ttpUrl } from '../detect/ttp-vocabulary.js';
import type { Cluster, CoordinationNetwork, NetworkEdge } from '../model/network.js';
import {
  type AccountScore,
  type CaseScores,
  type ClusterScore,
  SCORE_COMPONENTS,
  type ScoreComponent,
  type ScoreReason,
} from '../model/score.js';
import type { TraceKind } from '../model/trace.js';
import type { AccountSignalSummary, CaseSignals, ClusterSignals, Cohort } from '../signals/case-signals.js';
import { countNoun } from './count-noun.js';
import { formatLog10P, formatLog10Threshold } from './format-p-value.js';

/** Weights w_i of the noisy-OR combination (see the module header). */
export const SCORE_WEIGHTS: Readonly<Record<ScoreComponent, number>> = Object.freeze({
  significance: 0.8,
  synchrony: 0.4,
  duplication: 0.5,
  diversity: 0.3,
  schedule: 0.3,
  creation: 0.4,
  handles: 0.2,
  crossPlatform: 0.3,
});

/** −log10 p at which the significance component reaches 1. */
export const FULL_SIGNIFICANCE_LOG10 = 20;

/** Median Δt at or below which co-action counts as automated (DISARM T0049.003, Meta 3.5), seconds. */
export const AUTOMATED_MAX_DT_SECONDS = 10;

/** Options of {@link scoreCase}. */
export interface ScoreCaseOptions {
  /** Windows used per trace kind, seconds (for `synchrony`). */
  windowSeconds: Partial<Record<TraceKind, number>>;
  /**
   * log10 of the p-value an edge needed to be kept by significance (run.json `significance.log10Needed`), so the
   * reasons say "improbable by chance" only where it is; absent: reasons quote the p-values without a verdict.
   */
  log10Needed?: number;
}

/** Trace families of the `diversity` component. */
const FAMILY: Readonly<Record<TraceKind, string>> = Object.freeze({
  url: 'link',
  domain: 'link',
  hashtag: 'hashtag',
  hashtagseq: 'hashtag',
  share: 'share',
  reply: 'reply',
  mention: 'reply',
  text: 'text',
  neardup: 'text',
  misspelling: 'text',
  media: 'media',
  object: 'object',
});

/** Content kinds of the `duplication` component. */
const CONTENT_KINDS: ReadonlySet<TraceKind> = new Set(['text', 'neardup', 'misspelling', 'media']);

/** Behaviour per trace kind (the co-action behaviours). */
const KIND_BEHAVIOUR: Readonly<Record<TraceKind, BehaviourId | null>> = Object.freeze({
  share: 'fast-resharing',
  url: 'link-flooding',
  domain: 'link-flooding',
  hashtag: 'hashtag-flooding',
  hashtagseq: 'hashtag-flooding',
  text: 'copypasta',
  neardup: 'edited-copies',
  misspelling: 'shared-misspellings',
  media: 'image-reuse',
  mention: 'mention-swarming',
  reply: 'mention-swarming',
  object: null,
});

const MACHINE_HANDLES = new Set(['name-digits', 'random']);

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Per-kind co-action totals. */
type KindTotals = Map<TraceKind, { coactions: number; objects: number }>;

function kindTotals(edges: readonly NetworkEdge[]): KindTotals {
  const totals: KindTotals = new Map();
  for (const edge of edges) {
    for (const k of edge.perKind) {
      const t = totals.get(k.kind) ?? { coactions: 0, objects: 0 };
      t.coactions += k.coactions;
      t.objects = Math.max(t.objects, k.objects);
      totals.set(k.kind, t);
    }
  }
  return totals;
}

/** Components shared by clusters and accounts: the ones computed from co-action edges. */
function edgeComponents(
  edges: readonly NetworkEdge[],
  perKind: readonly { kind: TraceKind; coactions: number }[],
  medianDtSeconds: number,
  windows: Partial<Record<TraceKind, number>>,
): Pick<Record<ScoreComponent, number>, 'significance' | 'synchrony' | 'duplication' | 'diversity'> {
  const minusLog = edges.map((e) => -Math.min(e.log10PValue ?? 0, e.groupLog10PValue ?? 0));
  const total = perKind.reduce((sum, k) => sum + k.coactions, 0);
  const dominant = [...perKind].sort((x, y) => y.coactions - x.coactions || (x.kind < y.kind ? -1 : 1))[0];
  const window = dominant === undefined ? 0 : (windows[dominant.kind] ?? 0);
  const content = perKind.filter((k) => CONTENT_KINDS.has(k.kind)).reduce((sum, k) => sum + k.coactions, 0);
  const families = new Set(perKind.filter((k) => k.coactions > 0).map((k) => FAMILY[k.kind] ?? k.kind));
  return {
    significance: clamp01(median(minusLog) / FULL_SIGNIFICANCE_LOG10),
    synchrony: window > 0 ? clamp01(1 - medianDtSeconds / window) : 0,
    duplication: total > 0 ? clamp01(content / total) : 0,
    diversity: clamp01((families.size - 1) / 3),
  };
}

/** score = 1 − Π (1 − w_i c_i), rounded to 4 decimals. */
function combine(components: Record<ScoreComponent, number>): number {
  let keep = 1;
  for (const name of SCORE_COMPONENTS) keep *= 1 - SCORE_WEIGHTS[name] * components[name];
  return round4(1 - keep);
}

function roundAll(components: Record<ScoreComponent, number>): Record<ScoreComponent, number> {
  const out = {} as Record<ScoreComponent, number>;
  for (const name of SCORE_COMPONENTS) out[name] = round4(components[name]);
  return out;
}

/** A reason with the TTP tags of its behaviour. */
function reason(
  behaviour: BehaviourId | null,
  text: string,
  evidence: string,
  platforms: readonly string[],
): ScoreReason {
  if (behaviour === null) return { behaviour, text, evidence, disarm: [], killchain: [] };
  const ttps = describeTtps(behaviour, platforms);
  return {
    behaviour,
    text,
    evidence,
    disarm: ttps.disarm.map((t) => {
      const url = ttpUrl(t.id);
      return url === undefined ? { id: t.id, name: t.name } : { id: t.id, name: t.name, url };
    }),
    killchain: ttps.killchain.map((t) => ({ id: t.id, name: t.name })),
  };
}

const n = (x: number): string => x.toLocaleString('en-US');

function seconds(s: number): string {
  if (s < 120) return `${Math.round(s * 10) / 10} s`;
  if (s < 7200) return `${Math.round(s / 6) / 10} min`;
  if (s < 172_800) return `${Math.round(s / 360) / 10} h`;
  return `${Math.round(s / 8640) / 10} days`;
}

/** "the same post" / "the same 6 posts". */
function same(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? `the same ${one}` : `the same ${n(count)} ${many}`;
}

/** Plain words for the co-action of one kind inside a group. */
function kindSentence(kind: TraceKind, who: string, coactions: number, objects: number): string {
  const c = countNoun(coactions, 'co-action');
  switch (kind) {
    case 'share':
      return `${who} re-shared ${same(objects, 'post')} together (${c})`;
    case 'url':
      return `${who} pushed ${same(objects, 'link')} together (${c})`;
    case 'domain':
      return `${who} pushed links to ${same(objects, 'site')} together (${c})`;
    case 'hashtag':
      return `${who} posted ${same(objects, 'hashtag')} together (${c})`;
    case 'hashtagseq':
      return `${who} posted ${same(objects, 'daily hashtag sequence')} (${c})`;
    case 'text':
      return `${who} posted identical text: ${countNoun(objects, 'distinct text')}, ${c}`;
    case 'neardup':
      return `${who} posted edited copies of ${same(objects, 'text')} (${c})`;
    case 'misspelling':
      return `${who} share ${countNoun(objects, 'rare misspelling')}, a sign of one writer (${c})`;
    case 'media':
      return `${who} posted ${same(objects, 'image')} (${c})`;
    case 'mention':
      return `${who} mentioned ${same(objects, 'account')} together (${c})`;
    case 'reply':
      return `${who} replied to ${same(objects, 'post')} together (${c})`;
    default:
      return `${who} acted on ${same(objects, 'object')} together (${c})`;
  }
}

/** Co-action reasons of a group: one per behaviour, strongest kind first; automation when Δt is tiny. */
function coactionReasons(
  who: (kind: TraceKind) => string,
  perKind: readonly { kind: TraceKind; coactions: number; objects: number }[],
  medianDtSeconds: number,
  anchor: string,
  platforms: readonly string[],
): ScoreReason[] {
  const out: ScoreReason[] = [];
  const seen = new Set<BehaviourId>();
  const sorted = [...perKind]
    .filter((k) => k.coactions > 0)
    .sort((x, y) => y.coactions - x.coactions || (x.kind < y.kind ? -1 : 1));
  for (const k of sorted) {
    const behaviour = KIND_BEHAVIOUR[k.kind] ?? null;
    if (behaviour !== null && seen.has(behaviour)) continue;
    if (behaviour !== null) seen.add(behaviour);
    out.push(reason(behaviour, kindSentence(k.kind, who(k.kind), k.coactions, k.objects), anchor, platforms));
  }
  if (sorted.length > 0 && medianDtSeconds <= AUTOMATED_MAX_DT_SECONDS) {
    out.push(
      reason(
        'automated-posting',
        `median gap between co-actions ${seconds(medianDtSeconds)}: faster than people act by hand`,
        anchor,
        platforms,
      ),
    );
  }
  return out;
}

/** Accounts at either end of the edges that co-acted on `kind`. */
function accountsWithKind(edges: readonly NetworkEdge[], kind: TraceKind): Set<string> {
  const out = new Set<string>();
  for (const e of edges) {
    if (e.perKind.some((k) => k.kind === kind && k.coactions > 0)) {
      out.add(e.a);
      out.add(e.b);
    }
  }
  return out;
}

/**
 * The significance reason: the edges' null-model p-values, and a verdict where the run states the p-value an edge
 * needed — "improbable by chance" only when the median edge (or the group tested as a whole) reaches it.
 */
function significanceReason(
  edges: readonly NetworkEdge[],
  anchor: string,
  log10Needed: number | undefined,
): ScoreReason | null {
  const tested = edges.filter((e) => e.log10PValue !== undefined);
  if (tested.length === 0) return null;
  const med = median(tested.map((e) => e.log10PValue!));
  const strongest = Math.min(...tested.map((e) => e.log10PValue!));
  const groups = tested.filter((e) => e.groupLog10PValue !== undefined).map((e) => e.groupLog10PValue!);
  const groupP = groups.length === 0 ? null : Math.min(...groups);
  const pairs =
    tested.length === 1
      ? `its edge has ${formatLog10P(med)} under the null model`
      : `its ${n(tested.length)} edges have median ${formatLog10P(med)} (strongest ${formatLog10P(strongest)}) under the null model`;
  const group = groupP === null ? '' : `; tested as a whole, the group has ${formatLog10P(groupP)}`;
  let verdict = '';
  if (log10Needed !== undefined) {
    const best = Math.min(med, groupP ?? 0);
    verdict =
      best <= log10Needed
        ? 'co-action this strong is improbable by chance: '
        : `not improbable by chance at the run's false-positive rate (needs p ≤ ${formatLog10Threshold(log10Needed)}): `;
  }
  return reason(null, `${verdict}${pairs}${group}`, anchor, []);
}

function scheduleReason(
  fit: ClusterSignals['time']['schedule'] | AccountSignalSummary['schedule'],
  anchor: string,
  platforms: readonly string[],
): ScoreReason | null {
  if (!fit.worksOfficeHours || fit.offsetLabel === null) return null;
  const lunch = fit.lunchStartHour === null ? '' : `, a lunch dip from ${fit.lunchStartHour}:00`;
  const weekend =
    fit.weekendShare === null ? '' : `, ${Math.round(fit.weekendShare * 100)} % of posts at weekends`;
  return reason(
    'shift-pattern',
    `posts fit office hours in ${fit.offsetLabel} (confidence ${fit.confidence.toFixed(2)}${lunch}${weekend})`,
    anchor,
    platforms,
  );
}

/**
 * Score every cluster and clustered account of a case.
 *
 * @param network the coordination network (edges with `log10PValue` when significance was computed)
 * @param signals the case signals (`computeCaseSignals`): cluster fingerprints, account flags, cohorts
 * @param options windows used per kind
 * @returns cluster scores in cluster order, account scores sorted by key, and the weights
 * @example
 * const scores = scoreCase(network, signals, { windowSeconds: run.options.coaction.windowSeconds });
 * scores.clusters[0].reasons[0].text;
 */
export function scoreCase(
  network: CoordinationNetwork,
  signals: CaseSignals,
  options: ScoreCaseOptions,
): CaseScores {
  const clusterOf = new Map<string, string>();
  for (const account of network.accounts) if (account.cluster) clusterOf.set(account.key, account.cluster);
  const platformOf = new Map(network.accounts.map((a) => [a.key, a.platform]));
  const internal = new Map<string, NetworkEdge[]>();
  const byAccount = new Map<string, NetworkEdge[]>();
  for (const edge of network.edges) {
    const ca = clusterOf.get(edge.a);
    if (ca === undefined || ca !== clusterOf.get(edge.b)) continue;
    internal.set(ca, [...(internal.get(ca) ?? []), edge]);
    for (const key of [edge.a, edge.b]) byAccount.set(key, [...(byAccount.get(key) ?? []), edge]);
  }
  const clusterSignals = new Map(signals.clusters.map((s) => [s.cluster, s]));
  const summaries = new Map(signals.accounts.map((s) => [s.key, s]));
  const creationCohorts = signals.cohorts.filter((c) => c.kind === 'creation');
  const cohortOf = new Map<string, Cohort>();
  for (const cohort of creationCohorts) for (const key of cohort.accounts) cohortOf.set(key, cohort);
  const machineHandle = (key: string): boolean =>
    MACHINE_HANDLES.has(summaries.get(key)?.flags?.handlePattern ?? '');

  const clusters: ClusterScore[] = network.clusters.map((cluster) =>
    scoreCluster(cluster, internal.get(cluster.id) ?? [], clusterSignals.get(cluster.id), {
      windows: options.windowSeconds,
      log10Needed: options.log10Needed,
      cohortOf,
      machineHandle,
    }),
  );
  const byCluster = new Map(network.clusters.map((c) => [c.id, c]));
  const accounts: AccountScore[] = [];
  for (const key of [...clusterOf.keys()].sort()) {
    const cluster = byCluster.get(clusterOf.get(key)!)!;
    const edges = byAccount.get(key) ?? [];
    const perKind = [...kindTotals(edges)].map(([kind, t]) => ({ kind, ...t }));
    const anchor = `${cluster.id}-evidence`;
    const platforms = [platformOf.get(key) ?? ''];
    const summary = summaries.get(key);
    const cohort = cohortOf.get(key);
    const crossPlatform = edges.some((e) => platformOf.get(e.a === key ? e.b : e.a) !== platformOf.get(key));
    const components: Record<ScoreComponent, number> = {
      ...edgeComponents(edges, perKind, median(edges.map((e) => e.medianDtSeconds)), options.windowSeconds),
      schedule: summary?.schedule.worksOfficeHours ? clamp01(summary.schedule.confidence) : 0,
      creation: cohort ? 1 : 0,
      handles: machineHandle(key) ? 1 : 0,
      crossPlatform: crossPlatform ? 1 : 0,
    };
    const who = (kind: TraceKind): string =>
      `it and ${countNoun(accountsWithKind(edges, kind).size - 1, 'other account')}`;
    const reasons: ScoreReason[] = [];
    const sig = significanceReason(edges, anchor, options.log10Needed);
    if (sig) reasons.push(sig);
    reasons.push(
      ...coactionReasons(who, perKind, median(edges.map((e) => e.medianDtSeconds)), anchor, platforms),
    );
    if (summary) {
      const s = scheduleReason(summary.schedule, `${cluster.id}-signals`, platforms);
      if (s) reasons.push(s);
    }
    if (cohort) reasons.push(creationReason(cohort, 1, platforms, 'this account'));
    if (machineHandle(key)) {
      reasons.push(
        reason(
          'generated-handles',
          'the handle looks machine-made (name plus digits, or random)',
          `${cluster.id}-signals`,
          platforms,
        ),
      );
    }
    if (crossPlatform) {
      reasons.push(
        reason('cross-platform', 'it co-acts with accounts on another platform', anchor, cluster.platforms),
      );
    }
    accounts.push({
      key,
      cluster: cluster.id,
      score: combine(components),
      components: roundAll(components),
      reasons,
    });
  }
  return { clusters, accounts, weights: { ...SCORE_WEIGHTS } };
}

function creationReason(
  cohort: Cohort,
  members: number,
  platforms: readonly string[],
  who: string,
): ScoreReason {
  const spanDays =
    cohort.createdFirstMs !== undefined && cohort.createdLastMs !== undefined
      ? Math.max(1, Math.ceil((cohort.createdLastMs - cohort.createdFirstMs) / 86_400_000))
      : null;
  const p =
    cohort.pValue === undefined ? '' : `, ${formatLog10P(Math.log10(Math.max(cohort.pValue, 1e-300)))}`;
  const text =
    members === 1
      ? `${who} belongs to creation batch ${cohort.id}: ${countNoun(cohort.accounts.length, 'account')} created within ${spanDays === null ? 'days' : countNoun(spanDays, 'day')}${p}`
      : `${countNoun(members, 'member')} belong to creation batch ${cohort.id} (${countNoun(cohort.accounts.length, 'account')} created within ${spanDays === null ? 'days' : countNoun(spanDays, 'day')}${p})`;
  return reason('creation-burst', text, `cohort-${cohort.id}`, platforms);
}

interface ClusterContext {
  windows: Partial<Record<TraceKind, number>>;
  log10Needed: number | undefined;
  cohortOf: Map<string, Cohort>;
  machineHandle: (key: string) => boolean;
}

function scoreCluster(
  cluster: Cluster,
  edges: readonly NetworkEdge[],
  signals: ClusterSignals | undefined,
  ctx: ClusterContext,
): ClusterScore {
  const size = cluster.accounts.length;
  const inCohort = new Map<string, { cohort: Cohort; members: number }>();
  for (const key of cluster.accounts) {
    const cohort = ctx.cohortOf.get(key);
    if (!cohort) continue;
    const entry = inCohort.get(cohort.id) ?? { cohort, members: 0 };
    entry.members += 1;
    inCohort.set(cohort.id, entry);
  }
  const cohortMembers = [...inCohort.values()].reduce((sum, e) => sum + e.members, 0);
  const machine = cluster.accounts.filter(ctx.machineHandle).length;
  const schedule = signals?.time.schedule;
  const components: Record<ScoreComponent, number> = {
    ...edgeComponents(edges, cluster.perKind, cluster.medianDtSeconds, ctx.windows),
    schedule: schedule?.worksOfficeHours ? clamp01(schedule.confidence) : 0,
    creation: size > 0 ? cohortMembers / size : 0,
    handles: size > 0 ? machine / size : 0,
    crossPlatform: cluster.platforms.length >= 2 ? 1 : 0,
  };
  const anchor = `${cluster.id}-evidence`;
  const platforms = cluster.platforms;
  const reasons: ScoreReason[] = [];
  const sig = significanceReason(edges, anchor, ctx.log10Needed);
  if (sig) reasons.push(sig);
  reasons.push(
    ...coactionReasons(
      (kind) => countNoun(accountsWithKind(edges, kind).size, 'account'),
      cluster.perKind,
      cluster.medianDtSeconds,
      anchor,
      platforms,
    ),
  );
  if (schedule) {
    const s = scheduleReason(schedule, `${cluster.id}-signals`, platforms);
    if (s) reasons.push(s);
  }
  for (const { cohort, members } of [...inCohort.values()].sort(
    (x, y) => y.members - x.members || (x.cohort.id < y.cohort.id ? -1 : 1),
  )) {
    reasons.push(creationReason(cohort, members, platforms, ''));
  }
  if (machine > 0 && machine / size >= 0.3) {
    reasons.push(
      reason(
        'generated-handles',
        `${countNoun(machine, 'member')} of ${n(size)} have machine-made handles (name plus digits, or random)`,
        `${cluster.id}-signals`,
        platforms,
      ),
    );
  }
  const images = signals?.accounts.sharedProfileImages ?? [];
  if (images.length > 0) {
    const accounts = new Set(images.flatMap((i) => i.accounts)).size;
    reasons.push(
      reason(
        'copied-profile-images',
        `${countNoun(accounts, 'member')} share ${countNoun(images.length, 'profile image')}`,
        `${cluster.id}-signals`,
        platforms,
      ),
    );
  }
  if (cluster.platforms.length >= 2) {
    reasons.push(
      reason(
        'cross-platform',
        `the cluster spans ${countNoun(cluster.platforms.length, 'platform')}: ${cluster.platforms.join(', ')}`,
        anchor,
        platforms,
      ),
    );
  }
  return { cluster: cluster.id, score: combine(components), components: roundAll(components), reasons };
}

/** Behaviour labels (for legends), re-exported for the report. */
export const BEHAVIOUR_LABELS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.entries(BEHAVIOURS).map(([id, b]) => [id, b.label])),
);
