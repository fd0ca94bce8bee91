/**
 * STIX 2.1 export of a case (issue 5, "indicator exchange out"): a bundle that threat-intelligence tools (OpenCTI,
 * MISP, TAXII servers) ingest. Spec: OASIS, "STIX Version 2.1", Committee Specification 02 / OASIS Standard
 * (2021-06-10), https://docs.oasis-open.org/cti/stix/v2.1/stix-v2.1.html — §2.9 (identifiers, UUIDv5 for
 * Cyber-observable Objects), §4 (SDOs), §5 (relationships), §6 (SCOs), §9 (patterning); validated in the tests
 * against the OASIS JSON schemas vendored in data/stix21/.
 *
 * @module
 */
import { domainToASCII } from 'node:url';
import { ConfigError } from '../errors.js';
import type { Cluster, NetworkAccount } from '../model/network.js';
import type { ClusterScore, TtpTag } from '../model/score.js';
import type { CaseReport } from './case-report.js';
import { stableStringify } from './stable-stringify.js';
import { stixPatternLiteral } from './stix-pattern-literal.js';
import { toStixUrlValue } from './stix-url-value.js';
import { uuidV5 } from './uuid-v5.js';

/**
 * Namespace of the UUIDv5 ids of Chorus's SDOs, SROs and bundles: `uuidv5(NAMESPACE_URL, 'urn:chorus-cib:stix-ids')`
 * with the RFC 9562 URL namespace `6ba7b811-9dad-11d1-80b4-00c04fd430c8`. Fixed forever: changing it changes every
 * exported id.
 */
export const CHORUS_STIX_NAMESPACE = 'fa656c75-7c3c-58f8-bd64-7c4065d60345';

/** Namespace of Cyber-observable Object ids, fixed by STIX 2.1 §2.9. */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/**
 * Platform name → STIX `account-type-ov` value (STIX 2.1 §10.2) where the vocabulary has one. Other platforms keep
 * their lower-case platform name as a custom value: the vocabulary is open ("SHOULD come from"), so e.g.
 * `telegram` or `youtube` is allowed.
 */
export const STIX_ACCOUNT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  facebook: 'facebook',
  skype: 'skype',
  twitter: 'twitter',
  x: 'twitter',
});

/** Options of {@link writeStixBundle}. */
export interface StixBundleOptions {
  /** Name of the `identity` (the analyst organisation) that creates every SDO/SRO. Default "Chorus analyst". */
  identityName: string;
  /**
   * Smallest cluster score (0–1, `CaseScores.clusters[].score`) that makes a `campaign`. Default 0.5: the middle of
   * the score scale, where the scoring stage's reasons start to outweigh chance. Unscored cases export no campaigns.
   */
  minScore: number;
  /**
   * `created`/`modified` of every SDO/SRO, as a STIX timestamp with milliseconds (`YYYY-MM-DDTHH:mm:ss.sssZ`).
   * Default: the case's last co-action post time (the largest `lastTsMs` over all clusters; 1970-01-01 when there
   * are none). Not the run's clock, so re-running the same data gives the same bytes.
   */
  createdIso?: string;
}

/** Defaults of {@link StixBundleOptions}. */
export const STIX_BUNDLE_DEFAULTS: Readonly<StixBundleOptions> = Object.freeze({
  identityName: 'Chorus analyst',
  minScore: 0.5,
});

/** A STIX object as written: `type`, `id` and its spec properties (snake_case). */
export interface StixObject {
  type: string;
  id: string;
  [property: string]: unknown;
}

/** A STIX 2.1 bundle (§8): no `spec_version` of its own, objects in a stable order. */
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

const PREFIX = 'export/stix';
const STIX_MILLIS_RE =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/**
 * Merge partial options over {@link STIX_BUNDLE_DEFAULTS} and validate.
 * @throws {ConfigError} `CONFIG_INVALID`, see {@link validateStixBundleOptions}
 */
export function resolveStixBundleOptions(input: Partial<StixBundleOptions> = {}): StixBundleOptions {
  const options: StixBundleOptions = {
    identityName: input.identityName ?? STIX_BUNDLE_DEFAULTS.identityName,
    minScore: input.minScore ?? STIX_BUNDLE_DEFAULTS.minScore,
  };
  if (input.createdIso !== undefined) options.createdIso = input.createdIso;
  validateStixBundleOptions(options);
  return options;
}

/**
 * Check options.
 * @throws {ConfigError} `CONFIG_INVALID` naming the field: `identityName` blank, `minScore` not in [0, 1],
 * `createdIso` not a real UTC time in the form `YYYY-MM-DDTHH:mm:ss.sssZ`
 */
export function validateStixBundleOptions(options: StixBundleOptions): void {
  if (typeof options.identityName !== 'string' || options.identityName.trim() === '')
    throw new ConfigError(`${PREFIX}: invalid \`identityName\`. Expecting a non-empty name.`);
  if (!Number.isFinite(options.minScore) || options.minScore < 0 || options.minScore > 1)
    throw new ConfigError(
      `${PREFIX}: invalid \`minScore\` ${options.minScore}. Expecting a number in [0, 1].`,
    );
  const iso = options.createdIso;
  if (iso !== undefined && (!STIX_MILLIS_RE.test(iso) || new Date(iso).toISOString() !== iso))
    throw new ConfigError(`${PREFIX}: invalid \`createdIso\`. Expecting e.g. 2021-09-20T08:00:00.000Z.`);
}

/** The id of a Cyber-observable Object (§2.9): UUIDv5 over the JCS (RFC 8785) JSON of its ID-contributing properties. */
export function stixScoId(type: string, idContributing: Readonly<Record<string, string>>): string {
  return `${type}--${uuidV5(stableStringify(idContributing, 0), STIX_SCO_NAMESPACE)}`;
}

/** The id of a Chorus SDO/SRO/bundle: UUIDv5 in {@link CHORUS_STIX_NAMESPACE} of a JSON array of stable parts. */
function sdoId(type: string, ...parts: string[]): string {
  return `${type}--${uuidV5(JSON.stringify([type, ...parts]), CHORUS_STIX_NAMESPACE)}`;
}

const iso = (tsMs: number): string => new Date(tsMs).toISOString();

/** A domain that the `idn-hostname` format accepts: WHATWG-valid host, LDH labels of 1–63 after IDNA. */
/**
 * A host name STIX `domain-name` accepts: IDNA-convertible, at most 253 characters, letter-digit-hyphen labels.
 * @example isDomainValue('example.org') // true
 * @example isDomainValue('id:2280') // false
 */
export function isDomainValue(value: string): boolean {
  const ascii = domainToASCII(value);
  return (
    ascii !== '' &&
    ascii.length <= 253 &&
    ascii.split('.').every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(label))
  );
}

/** Objects of a bundle under construction: insertion order, first object wins per id. */
class ObjectList {
  readonly objects: StixObject[] = [];
  readonly #ids = new Set<string>();
  add(object: StixObject): string {
    if (!this.#ids.has(object.id)) {
      this.#ids.add(object.id);
      this.objects.push(object);
    }
    return object.id;
  }
}

/** Shared fields of the SDOs/SROs. */
interface Common {
  spec_version: '2.1';
  created: string;
  modified: string;
  created_by_ref: string;
}

/** A user-account SCO for a network account (handle → `account_login`, platform id → `user_id`). */
function userAccount(key: string, account: NetworkAccount | undefined): StixObject {
  const colon = key.indexOf(':');
  const platform = (account?.platform ?? key.slice(0, colon)).toLowerCase();
  const accountType = STIX_ACCOUNT_TYPES[platform] ?? platform;
  const idProps: Record<string, string> = {
    account_type: accountType,
    user_id: account?.accountId ?? key.slice(colon + 1),
  };
  if (account?.handle !== undefined) idProps.account_login = account.handle;
  const object: StixObject = {
    type: 'user-account',
    spec_version: '2.1',
    id: stixScoId('user-account', idProps),
    ...idProps,
  };
  if (account?.displayName !== undefined) object.display_name = account.displayName;
  return object;
}

/** The STIX pattern that matches an SCO this module writes. */
function patternOf(sco: StixObject): string {
  if (sco.type === 'user-account')
    return `[user-account:user_id = ${stixPatternLiteral(sco.user_id as string)} AND user-account:account_type = ${stixPatternLiteral(sco.account_type as string)}]`;
  return `[${sco.type}:value = ${stixPatternLiteral(sco.value as string)}]`;
}

/** Behaviour ids of a score's reasons, distinct, in reason order. */
function behaviours(score: ClusterScore): string[] {
  return [...new Set(score.reasons.flatMap((r) => (r.behaviour === null ? [] : [r.behaviour])))];
}

/** The SCOs of a cluster: accounts, then its top URLs, then its top domains (topObjects order). */
function clusterScos(cluster: Cluster, accounts: ReadonlyMap<string, NetworkAccount>): StixObject[] {
  const scos = cluster.accounts.map((key) => userAccount(key, accounts.get(key)));
  for (const top of cluster.topObjects) {
    if (top.kind === 'url' && /^https?:\/\//i.test(top.object)) {
      // Only web links: exports such as CooRTweet's carry opaque object ids (`id:14128`) in the URL column.
      const value = toStixUrlValue(top.object);
      if (value !== undefined)
        scos.push({ type: 'url', spec_version: '2.1', id: stixScoId('url', { value }), value });
    } else if (top.kind === 'domain' && isDomainValue(top.object)) {
      const value = top.object;
      scos.push({ type: 'domain-name', spec_version: '2.1', id: stixScoId('domain-name', { value }), value });
    }
  }
  return scos;
}

function relationship(common: Common, type: string, source: string, target: string): StixObject {
  const id = sdoId('relationship', type, source, target);
  return {
    type: 'relationship',
    id,
    ...common,
    relationship_type: type,
    source_ref: source,
    target_ref: target,
  };
}

function attackPattern(common: Common, tag: TtpTag): StixObject {
  const reference: Record<string, string> = { source_name: 'DISARM', external_id: tag.id };
  if (tag.url !== undefined) reference.url = tag.url;
  const id = sdoId('attack-pattern', 'DISARM', tag.id);
  return { type: 'attack-pattern', id, ...common, name: tag.name, external_references: [reference] };
}

/** Add one scored cluster: campaign, attack patterns, SCOs, observed-data, indicators, relationships. */
function addCluster(
  list: ObjectList,
  common: Common,
  cluster: Cluster,
  score: ClusterScore,
  accounts: ReadonlyMap<string, NetworkAccount>,
): void {
  const top = behaviours(score).slice(0, 3);
  const campaignId = list.add({
    type: 'campaign',
    id: sdoId('campaign', ...cluster.accounts),
    ...common,
    name: `${cluster.id}: ${top.length > 0 ? top.join(', ') : 'coordinated accounts'}`,
    description: score.reasons.map((r) => r.text).join('\n'),
    confidence: Math.round(score.score * 100),
    first_seen: iso(cluster.firstTsMs),
    last_seen: iso(cluster.lastTsMs),
  });
  const tags = new Map<string, TtpTag>();
  for (const tag of score.reasons.flatMap((r) => r.disarm)) if (!tags.has(tag.id)) tags.set(tag.id, tag);
  const patternIds = [...tags.values()].map((tag) => list.add(attackPattern(common, tag)));
  const scos = new Map(clusterScos(cluster, accounts).map((sco) => [sco.id, sco]));
  const scoIds = [...scos.values()].map((sco) => list.add(sco));
  const observedId = list.add({
    type: 'observed-data',
    id: sdoId('observed-data', campaignId),
    ...common,
    first_observed: iso(cluster.firstTsMs),
    last_observed: iso(cluster.lastTsMs),
    number_observed: Math.max(1, cluster.evidencePosts.length),
    object_refs: scoIds,
  });
  const indicatorIds = scoIds.map((scoId) => {
    const pattern = patternOf(scos.get(scoId)!);
    return list.add({
      type: 'indicator',
      id: sdoId('indicator', campaignId, pattern),
      ...common,
      name: `${cluster.id} ${scos.get(scoId)!.type}`,
      indicator_types: ['anomalous-activity'],
      pattern,
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: iso(cluster.firstTsMs),
    });
  });
  for (const id of indicatorIds) {
    list.add(relationship(common, 'indicates', id, campaignId));
    list.add(relationship(common, 'based-on', id, observedId));
  }
  for (const id of patternIds) list.add(relationship(common, 'uses', campaignId, id));
}

/**
 * A STIX 2.1 bundle of a case's coordinated clusters, for exchange with threat-intelligence peers.
 *
 * Objects, in this order: one `identity` (the analyst organisation, `identity_class` organization, creator of every
 * SDO/SRO); then per cluster with a score ≥ `minScore`, in cluster order: a `campaign` (name = cluster id and up to
 * three behaviour ids of its reasons, description = the reasons' texts one per line, `confidence` = score × 100,
 * `first_seen`/`last_seen` = the cluster's first/last co-action), an `attack-pattern` per DISARM technique of its
 * reasons (`external_references` `[{source_name: "DISARM", external_id, url}]`), `user-account` SCOs for its accounts
 * (`user_id` = platform account id, `account_login` = handle, `display_name`, `account_type` from
 * {@link STIX_ACCOUNT_TYPES}), `url` SCOs for its top URL objects ({@link toStixUrlValue}; URLs it rejects are
 * left out), `domain-name` SCOs for its top domain objects (values that are not valid host names are left out), an
 * `observed-data` (first/last observed = the cluster's first/last co-action, `number_observed` = its evidence posts,
 * at least 1; `object_refs` = its SCOs), an `indicator` per SCO (`[url:value = '…']`,
 * `[domain-name:value = '…']`, `[user-account:user_id = '…' AND user-account:account_type = '…']`, pattern type
 * `stix` 2.1, `indicator_types` anomalous-activity, `valid_from` = the cluster's first co-action) and the
 * relationships `indicator indicates campaign`, `indicator based-on observed-data`, `campaign uses attack-pattern`.
 * An object met twice (a technique used by two clusters) is written once.
 *
 * Ids are deterministic: SCOs by the spec's UUIDv5 rule ({@link stixScoId}: `url`/`domain-name` from `value`,
 * `user-account` from `account_type`, `user_id`, `account_login`); SDOs/SROs by UUIDv5 in
 * {@link CHORUS_STIX_NAMESPACE} of stable content (identity: its name; campaign: its sorted account keys;
 * attack-pattern: the DISARM id; observed-data: its campaign; indicator: its campaign and pattern; relationship:
 * type, source, target; bundle: the timestamp and all object ids). All texts are attacker-written and go into JSON
 * strings unescaped (JSON escaping covers them); pattern literals escape `'` and `\` (§9.2).
 *
 * Caveat: identity and attack-pattern ids repeat across cases while their `created` follows each case, so a peer
 * that merges bundles sees them as versions of one object.
 *
 * @param report the case; only `network` and `scores` are read (unscored: identity only)
 * @param options see {@link StixBundleOptions}
 * @throws {ConfigError} `CONFIG_INVALID` for invalid options
 */
export function writeStixBundle(report: CaseReport, options: Partial<StixBundleOptions> = {}): StixBundle {
  const opts = resolveStixBundleOptions(options);
  const lastTsMs = report.network.clusters.reduce((max, c) => Math.max(max, c.lastTsMs), 0);
  const created = opts.createdIso ?? iso(lastTsMs);
  const identityId = sdoId('identity', opts.identityName);
  const list = new ObjectList();
  list.add({
    type: 'identity',
    spec_version: '2.1',
    id: identityId,
    created,
    modified: created,
    name: opts.identityName,
    identity_class: 'organization',
  });
  const common: Common = { spec_version: '2.1', created, modified: created, created_by_ref: identityId };
  const accounts = new Map(report.network.accounts.map((a) => [a.key, a]));
  const scores = new Map((report.scores?.clusters ?? []).map((s) => [s.cluster, s]));
  for (const cluster of report.network.clusters) {
    const score = scores.get(cluster.id);
    if (score !== undefined && score.score >= opts.minScore)
      addCluster(list, common, cluster, score, accounts);
  }
  const id = sdoId('bundle', created, ...list.objects.map((o) => o.id));
  return { type: 'bundle', id, objects: list.objects };
}
