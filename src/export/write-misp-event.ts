/**
 * A MISP event (JSON) of a case's high-scored clusters, for sharing with MISP instances.
 *
 * Format: the MISP core format, draft-dulaunoy-misp-core-format-20 (IETF Internet-Draft, A. Dulaunoy and A. Iklody,
 * CIRCL; `MISP/misp-rfc` `misp-core-format/raw.md.txt`): an `Event` with its attributes, objects and tags; every
 * field the draft marks MUST is written, except the instance-local integer ids (`id`, `org_id`, `orgc_id`,
 * `event_id`, `object_id`) that the receiving instance assigns on import. Objects follow the templates of
 * `MISP/misp-objects`: `microblog` (version 8, uuid 8ec8c911-ddbe-4f5b-895b-fbff70c42a60; `objects/microblog/
 * definition.json`) for evidence posts and `user-account` (version 6, uuid 49606b06-22f0-4ac8-8eee-2f12ad46f3d3;
 * `objects/user-account/definition.json`) for accounts. DISARM techniques are galaxy tags of the `disarm-techniques`
 * galaxy of `MISP/misp-galaxy` (`clusters/disarm-techniques.json` at commit a04abc95, whose cluster `value` is the
 * technique name alone, e.g. `Bots Amplify via Automated Forwarding and Reposting` for T0049.003), in the tag form of
 * the draft's §2.10 sample (`misp-galaxy:threat-actor="Anunak"`):
 * `misp-galaxy:disarm-techniques="<name>"`. The TLP tag uses the `tlp` taxonomy (`tlp:amber`, …).
 *
 * Everything is deterministic: UUIDs are version-5 UUIDs of the case and the item (RFC 9562 §5.5), timestamps come
 * from the case's `run.finishedAt`. Texts, handles and URLs from the data are written as JSON strings unchanged:
 * the receiving side must treat them as untrusted, as MISP does.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import { definedFields, type OptionsInput } from '../graph/options-input.js';
import type { NetworkAccount, PostRef } from '../model/network.js';
import type { ClusterScore } from '../model/score.js';
import { accountUrl } from './account-url.js';
import type { CaseReport } from './case-report.js';
import { type ScoredCluster, scoredClusters } from './scored-clusters.js';
import { uuidV5 } from './uuid-v5.js';
import { isDomainValue } from './write-stix-bundle.js';

/** TLP 2.0 levels of the MISP `tlp` taxonomy. */
export const MISP_TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;

/** Options of {@link writeMispEvent}. */
export interface MispEventOptions {
  /** Clusters with a score at least this (in [0, 1]) are exported. */
  minScore: number;
  /** TLP level of the event tag `tlp:<level>`. */
  tlp: (typeof MISP_TLP_LEVELS)[number];
  /** Event `info` (≤ 256 characters, no line breaks); null: a summary with the cluster count. */
  info: string | null;
  /** Event `distribution`: 0 your organisation only, 1 this community, 2 connected communities, 3 all. */
  distribution: 0 | 1 | 2 | 3;
  /** Event `threat_level_id`: 1 high, 2 medium, 3 low, 4 undefined. */
  threatLevelId: 1 | 2 | 3 | 4;
  /** Event `analysis`: 0 initial, 1 ongoing, 2 complete. */
  analysis: 0 | 1 | 2;
  /** Seed of the UUIDs; null: the sorted SHA-256 of the case's input files (so one case keeps its ids). */
  caseId: string | null;
  /** Most evidence posts exported per cluster (integer ≥ 0), oldest first. */
  postsPerCluster: number;
}

/**
 * Defaults of {@link MispEventOptions}: score ≥ 0.5 (the score's midpoint, as the issue asks); TLP:AMBER and
 * distribution 0 because a case names accounts that are not yet confirmed (widen it deliberately); threat level
 * undefined and analysis initial because the event is a machine finding an analyst has not reviewed yet.
 */
export const MISP_EVENT_DEFAULTS: Readonly<MispEventOptions> = Object.freeze({
  minScore: 0.5,
  tlp: 'amber',
  info: null,
  distribution: 0,
  threatLevelId: 4,
  analysis: 0,
  caseId: null,
  postsPerCluster: 50,
});

/**
 * Merge partial options over {@link MISP_EVENT_DEFAULTS}, then validate.
 * @throws {ConfigError} `CONFIG_INVALID`, see {@link validateMispEventOptions}
 */
export function resolveMispEventOptions(input: OptionsInput<MispEventOptions> = {}): MispEventOptions {
  const options = { ...MISP_EVENT_DEFAULTS, ...definedFields(input) } as MispEventOptions;
  validateMispEventOptions(options);
  return options;
}

/**
 * Check resolved {@link MispEventOptions}.
 * @throws {ConfigError} `CONFIG_INVALID` naming the field: `minScore` not in [0, 1]; `tlp` not a TLP 2.0 level;
 *   `info` longer than 256 characters or with a line break; `distribution`, `threatLevelId` or `analysis` out of
 *   their lists; `caseId` empty; `postsPerCluster` not an integer ≥ 0
 */
export function validateMispEventOptions(options: MispEventOptions): void {
  const fail = (field: string, value: unknown, expecting: string): never => {
    throw new ConfigError(
      `export/misp: invalid \`${field}\` ${JSON.stringify(value)}. Expecting ${expecting}.`,
    );
  };
  const { minScore, tlp, info, distribution, threatLevelId, analysis, caseId, postsPerCluster } = options;
  if (typeof minScore !== 'number' || !(minScore >= 0 && minScore <= 1))
    fail('minScore', minScore, 'a number in [0, 1]');
  if (!MISP_TLP_LEVELS.includes(tlp)) fail('tlp', tlp, `one of ${MISP_TLP_LEVELS.join(', ')}`);
  if (
    info !== null &&
    (typeof info !== 'string' || info === '' || info.length > 256 || /[\r\n]/.test(info))
  ) {
    fail('info', info, 'a non-empty string of at most 256 characters without line breaks');
  }
  if (![0, 1, 2, 3].includes(distribution)) fail('distribution', distribution, '0, 1, 2 or 3');
  if (![1, 2, 3, 4].includes(threatLevelId)) fail('threatLevelId', threatLevelId, '1, 2, 3 or 4');
  if (![0, 1, 2].includes(analysis)) fail('analysis', analysis, '0, 1 or 2');
  if (caseId !== null && (typeof caseId !== 'string' || caseId === ''))
    fail('caseId', caseId, 'a non-empty string');
  if (!Number.isInteger(postsPerCluster) || postsPerCluster < 0) {
    fail('postsPerCluster', postsPerCluster, 'an integer ≥ 0');
  }
}

/** A MISP attribute (core format §2.3), inside the event or an object. */
export interface MispAttribute {
  uuid: string;
  type: string;
  category: string;
  value: string;
  /** Relation name of the object template (object attributes only). */
  object_relation?: string;
  to_ids: boolean;
  /** `5` (inherit from the event). */
  distribution: string;
  sharing_group_id: string;
  timestamp: string;
  comment: string;
  deleted: boolean;
  disable_correlation: boolean;
}

/** A MISP object (core format §2.5). */
export interface MispObject {
  uuid: string;
  name: string;
  'meta-category': string;
  description: string;
  template_uuid: string;
  template_version: string;
  timestamp: string;
  distribution: string;
  sharing_group_id: string;
  comment: string;
  deleted: boolean;
  Attribute: MispAttribute[];
}

/** A MISP tag (core format §2.8): a taxonomy or galaxy tag name. */
export interface MispTag {
  name: string;
  colour: string;
  exportable: boolean;
}

/** The event (core format §2.2); all numbers are JSON strings, as the format has them. */
export interface MispEvent {
  uuid: string;
  info: string;
  date: string;
  threat_level_id: string;
  analysis: string;
  distribution: string;
  sharing_group_id: string;
  published: boolean;
  timestamp: string;
  publish_timestamp: string;
  Attribute: MispAttribute[];
  Object: MispObject[];
  Tag: MispTag[];
}

/** The document: `{ "Event": … }`, as MISP exports and imports it. */
export interface MispEventDocument {
  Event: MispEvent;
}

interface Template {
  name: string;
  uuid: string;
  version: string;
  description: string;
}

/** `MISP/misp-objects` `objects/microblog/definition.json`, version 8. */
const MICROBLOG: Template = {
  name: 'microblog',
  uuid: '8ec8c911-ddbe-4f5b-895b-fbff70c42a60',
  version: '8',
  description: 'Microblog post like a Twitter tweet or a post on a Facebook wall.',
};

/** `MISP/misp-objects` `objects/user-account/definition.json`, version 6. */
const USER_ACCOUNT: Template = {
  name: 'user-account',
  uuid: '49606b06-22f0-4ac8-8eee-2f12ad46f3d3',
  version: '6',
  description:
    'User-account object, defining aspects of user identification, authentication, privileges and other relevant data points.',
};

/** MISP attribute type → its default category (a valid pair in the core format's category-type list). */
const CATEGORY_OF_TYPE: Readonly<Record<string, string>> = {
  text: 'Other',
  datetime: 'Other',
  comment: 'Other',
  link: 'External analysis',
  url: 'Network activity',
  domain: 'Network activity',
};

/** Platform name → the `type` of the microblog template (its `sane_default` list). */
const MICROBLOG_TYPE: Readonly<Record<string, string>> = {
  twitter: 'Twitter',
  x: 'Twitter',
  facebook: 'Facebook',
  instagram: 'Instagram',
  reddit: 'Reddit',
  linkedin: 'LinkedIn',
};

/** Colours of the tags (MISP's own: TLP colours of the taxonomy, galaxy tags grey). */
const TLP_COLOUR: Readonly<Record<string, string>> = {
  clear: '#ffffff',
  green: '#339900',
  amber: '#ffc000',
  'amber+strict': '#ffc000',
  red: '#ff0000',
};

interface Context {
  caseId: string;
  timestamp: string;
  distribution: string;
}

/**
 * Build the MISP event of a case: for each cluster scored ≥ `minScore` (cluster id order), a `user-account` object
 * per account (username, user-id, display-name, account-type = platform, link = profile URL when known) and a
 * `microblog` object per evidence post with text (post, username, creation-date, type, url when known; posts
 * without text are left out since the template requires `post`); event attributes: the cluster's http(s) URLs and
 * domains pushed together (`url`/`domain`, `to_ids` false: they are context, not detection rules) and a `comment`
 * with the score reasons and their DISARM / Meta kill-chain ids. Tags: `tlp:<level>` and one DISARM galaxy tag per
 * technique of the exported clusters, in id order.
 * @param report the case (`scores` needed: without them the event has no clusters)
 * @param input options, see {@link MispEventOptions}
 * @returns the document; `JSON.stringify` it to write the file
 * @throws {ConfigError} `CONFIG_INVALID` on invalid options
 */
export function writeMispEvent(
  report: CaseReport,
  input: OptionsInput<MispEventOptions> = {},
): MispEventDocument {
  const options = resolveMispEventOptions(input);
  const clusters = scoredClusters(report, options.minScore);
  const finishedMs = Date.parse(report.run.finishedAt);
  const ctx: Context = {
    caseId: options.caseId ?? defaultCaseId(report),
    timestamp: Number.isFinite(finishedMs) ? String(Math.floor(finishedMs / 1000)) : '0',
    distribution: String(options.distribution),
  };
  const attributes: MispAttribute[] = [];
  const objects: MispObject[] = [];
  for (const scored of clusters) {
    attributes.push(...clusterAttributes(scored, ctx));
    objects.push(...scored.accounts.map((a) => accountObject(a, scored.cluster.id, ctx)));
    const posts = scored.cluster.evidencePosts.slice(0, options.postsPerCluster);
    const handles = new Map(scored.accounts.map((a) => [a.key, a.handle]));
    for (const post of posts) {
      const object = postObject(post, handles.get(post.accountKey), scored.cluster.id, ctx);
      if (object !== null) objects.push(object);
    }
  }
  const n = clusters.length;
  return {
    Event: {
      uuid: uuidV5(`misp:${ctx.caseId}:event`),
      info:
        options.info ??
        `Chorus: ${n} coordinated account ${n === 1 ? 'cluster' : 'clusters'} scored at least ${options.minScore}`,
      date: eventDate(report, clusters),
      threat_level_id: String(options.threatLevelId),
      analysis: String(options.analysis),
      distribution: ctx.distribution,
      sharing_group_id: '0',
      published: false,
      timestamp: ctx.timestamp,
      publish_timestamp: '0',
      Attribute: attributes,
      Object: objects,
      Tag: eventTags(
        options.tlp,
        clusters.map((c) => c.score),
      ),
    },
  };
}

/** Sorted SHA-256 (or path, when unreadable) of the case's inputs. */
function defaultCaseId(report: CaseReport): string {
  return report.run.inputs
    .map((i) => i.sha256 ?? i.path)
    .sort()
    .join(',');
}

/** UTC date of the first co-action of the exported clusters; else of the run start; else the epoch. */
function eventDate(report: CaseReport, clusters: readonly ScoredCluster[]): string {
  const first = Math.min(...clusters.map((c) => c.cluster.firstTsMs));
  if (Number.isFinite(first)) return new Date(first).toISOString().slice(0, 10);
  const started = Date.parse(report.run.startedAt);
  return Number.isFinite(started) ? new Date(started).toISOString().slice(0, 10) : '1970-01-01';
}

function attribute(
  uuid: string,
  type: string,
  value: string,
  ctx: Context,
  extra: { relation?: string; comment?: string } = {},
): MispAttribute {
  const a: MispAttribute = {
    uuid,
    type,
    category: CATEGORY_OF_TYPE[type]!,
    value,
    to_ids: false,
    distribution: '5',
    sharing_group_id: '0',
    timestamp: ctx.timestamp,
    comment: extra.comment ?? '',
    deleted: false,
    disable_correlation: false,
  };
  if (extra.relation !== undefined) a.object_relation = extra.relation;
  return a;
}

function object(
  template: Template,
  uuid: string,
  comment: string,
  fields: readonly [relation: string, type: string, value: string | undefined][],
  ctx: Context,
): MispObject {
  const attributes = fields
    .filter((f): f is [string, string, string] => f[2] !== undefined && f[2] !== '')
    .map(([relation, type, value]) =>
      attribute(uuidV5(`${uuid}:${relation}`), type, value, ctx, { relation }),
    );
  return {
    uuid,
    name: template.name,
    'meta-category': 'misc',
    description: template.description,
    template_uuid: template.uuid,
    template_version: template.version,
    timestamp: ctx.timestamp,
    distribution: ctx.distribution,
    sharing_group_id: '0',
    comment,
    deleted: false,
    Attribute: attributes,
  };
}

function accountObject(account: NetworkAccount, clusterId: string, ctx: Context): MispObject {
  const uuid = uuidV5(`misp:${ctx.caseId}:user-account:${account.key}`);
  return object(
    USER_ACCOUNT,
    uuid,
    `Chorus cluster ${clusterId}`,
    [
      ['username', 'text', account.handle?.replace(/^@/, '')],
      ['user-id', 'text', account.accountId],
      ['display-name', 'text', account.displayName],
      ['account-type', 'text', account.platform],
      ['link', 'link', accountUrl(account.platform, account.handle, account.accountId)],
    ],
    ctx,
  );
}

function postObject(
  post: PostRef,
  handle: string | undefined,
  clusterId: string,
  ctx: Context,
): MispObject | null {
  if (post.text === undefined || post.text.trim() === '') return null;
  const uuid = uuidV5(`misp:${ctx.caseId}:microblog:${post.platform}:${post.postId}`);
  const platform = post.platform.toLowerCase();
  return object(
    MICROBLOG,
    uuid,
    `Chorus cluster ${clusterId}: evidence post ${post.postId} of ${post.accountKey}`,
    [
      ['post', 'text', post.text],
      ['username', 'text', handle?.replace(/^@/, '')],
      [
        'creation-date',
        'datetime',
        Number.isFinite(post.tsMs) ? new Date(post.tsMs).toISOString() : undefined,
      ],
      ['type', 'text', MICROBLOG_TYPE[platform] ?? 'Other'],
      ['url', 'url', postUrl(platform, handle, post.postId)],
    ],
    ctx,
  );
}

/** Post links for the platforms whose post URL needs only the post id (and handle). */
function postUrl(platform: string, handle: string | undefined, postId: string): string | undefined {
  const id = encodeURIComponent(postId);
  if (platform === 'twitter' || platform === 'x') return `https://twitter.com/i/web/status/${id}`;
  if (platform === 'youtube') return `https://www.youtube.com/watch?v=${id}`;
  const h = handle?.replace(/^@/, '');
  if (platform === 'telegram' && h) return `https://t.me/${encodeURIComponent(h)}/${id}`;
  return undefined;
}

function clusterAttributes(scored: ScoredCluster, ctx: Context): MispAttribute[] {
  const { cluster, score } = scored;
  const out: MispAttribute[] = [
    attribute(
      uuidV5(`misp:${ctx.caseId}:comment:${cluster.id}`),
      'comment',
      reasonsComment(cluster.id, score),
      ctx,
    ),
  ];
  for (const top of cluster.topObjects) {
    const isUrl = top.kind === 'url' && /^https?:\/\//i.test(top.object);
    if (!isUrl && !(top.kind === 'domain' && isDomainValue(top.object))) continue;
    const comment = `Chorus cluster ${cluster.id}: pushed by ${top.accounts} accounts (${top.coactions} co-actions)`;
    const uuid = uuidV5(`misp:${ctx.caseId}:${top.kind}:${cluster.id}:${top.object}`);
    out.push(attribute(uuid, top.kind, top.object, ctx, { comment }));
  }
  return out;
}

function reasonsComment(clusterId: string, score: ClusterScore): string {
  const reasons = score.reasons.map((r) => {
    const ids = [...r.disarm.map((t) => `DISARM ${t.id}`), ...r.killchain.map((t) => `Meta ${t.id}`)];
    return ids.length > 0 ? `${r.text} [${ids.join(', ')}]` : r.text;
  });
  return [`Chorus cluster ${clusterId}, score ${score.score.toFixed(2)}`, ...reasons].join('; ');
}

function eventTags(tlp: MispEventOptions['tlp'], scores: readonly ClusterScore[]): MispTag[] {
  const disarm = new Map<string, string>();
  for (const s of scores) for (const r of s.reasons) for (const t of r.disarm) disarm.set(t.id, t.name);
  const ids = [...disarm.keys()].sort(compareTechniqueIds);
  return [
    { name: `tlp:${tlp}`, colour: TLP_COLOUR[tlp]!, exportable: true },
    ...ids.map((id) => ({
      name: `misp-galaxy:disarm-techniques="${disarm.get(id)!.replace(/"/g, '')}"`,
      colour: '#0088cc',
      exportable: true,
    })),
  ];
}

/** `T0049` < `T0049.003` < `T0084` (numeric per part). */
function compareTechniqueIds(a: string, b: string): number {
  const pa = a.slice(1).split('.').map(Number);
  const pb = b.slice(1).split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
