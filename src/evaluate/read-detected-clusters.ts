/**
 * Reader of the clusters of a `chorus detect` output folder: `OUT_DIR/network.json` (written by
 * src/export/write-network-json.ts, shape `CoordinationNetwork` of src/model/network.ts) → `clusters[].{id,
 * accounts}`. Files up to {@link WHOLE_PARSE_MAX_BYTES} are parsed whole; larger ones are streamed with stream-json,
 * skipping the `accounts` and `edges` arrays unassembled, so a network too large for one string can still be read.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import Ignore from 'stream-json/filters/Ignore.js';
import Parser from 'stream-json/Parser.js';
import StreamObject from 'stream-json/streamers/StreamObject.js';
import * as v from 'valibot';
import { InputError } from '../errors.js';
import { formatIssuePath } from './format-issue-path.js';

/** One detected cluster, as far as evaluation needs it. */
export interface DetectedCluster {
  /** Cluster id, e.g. `C0001`. */
  id: string;
  /** Member account keys `platform:accountId`. */
  accounts: string[];
}

/** valibot schema of `network.json`'s `clusters` (other cluster fields are ignored). */
export const DetectedClustersSchema = v.array(
  v.object({ id: v.pipe(v.string(), v.minLength(1)), accounts: v.array(v.pipe(v.string(), v.minLength(1))) }),
);

/** File name of the network inside a detect output folder. */
export const NETWORK_FILE = 'network.json';

/**
 * Read the detected clusters of a `chorus detect` output folder.
 * @param outDir the output folder (holding `network.json`)
 * @param wholeMaxBytes size up to which the file is parsed whole; default {@link WHOLE_PARSE_MAX_BYTES}
 * @returns the clusters in file order, each with its id and accounts
 * @throws {InputError} `INPUT_UNREADABLE` when `network.json` is missing or unreadable; `INPUT_INVALID` when it is
 * not JSON, has no `clusters` array, a cluster lacks `id`/`accounts` (the message gives the JSON path, e.g.
 * `$.clusters[2].accounts[0]`), two clusters share an id, or an account is in two clusters
 */
export async function readDetectedClusters(
  outDir: string,
  wholeMaxBytes = WHOLE_PARSE_MAX_BYTES,
): Promise<DetectedCluster[]> {
  const file = join(outDir, NETWORK_FILE);
  let clusters: { found: boolean; value: unknown };
  try {
    clusters = (await stat(file)).size <= wholeMaxBytes ? await parseWhole(file) : await parseStreamed(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      const why =
        code === 'ENOENT' ? 'missing (is this a `chorus detect` output folder?)' : `unreadable (${code})`;
      throw new InputError('INPUT_UNREADABLE', file, `${file}: ${why}`, { cause: error });
    }
    throw new InputError('INPUT_INVALID', file, `${file}: not a JSON object (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (!clusters.found) throw new InputError('INPUT_INVALID', file, `${file}: no \`clusters\` array`);
  return checkClusters(clusters.value, file);
}

/** `network.json` files up to this many bytes are parsed whole (fast); larger ones are streamed. */
export const WHOLE_PARSE_MAX_BYTES = 64 * 1024 * 1024;

async function parseWhole(file: string): Promise<{ found: boolean; value: unknown }> {
  const json: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new Error('top level is not an object');
  return { found: Object.hasOwn(json, 'clusters'), value: (json as { clusters?: unknown }).clusters };
}

async function parseStreamed(file: string): Promise<{ found: boolean; value: unknown }> {
  const result: { found: boolean; value: unknown } = { found: false, value: undefined };
  await pipeline(
    createReadStream(file),
    new Parser(),
    Ignore.make({ filter: /^(accounts|edges)$/ }),
    StreamObject.make(),
    async (source: AsyncIterable<{ key: string; value: unknown }>) => {
      for await (const { key, value } of source) {
        if (key !== 'clusters') continue;
        result.found = true;
        result.value = value;
      }
    },
  );
  return result;
}

/**
 * Validate the parsed `clusters` value of `network.json` (see {@link readDetectedClusters}).
 * @param clusters the parsed value
 * @param file file name used in error messages
 * @throws {InputError} `INPUT_INVALID` naming `file` and the JSON path of the first bad field
 */
export function checkClusters(clusters: unknown, file: string): DetectedCluster[] {
  const result = v.safeParse(DetectedClustersSchema, clusters);
  const fail = (path: string, message: string) =>
    new InputError('INPUT_INVALID', file, `${file}: invalid clusters at ${path}: ${message}`);
  if (!result.success) {
    const issue = result.issues[0];
    throw fail(formatIssuePath(issue, '$.clusters'), issue.message);
  }
  const ids = new Set<string>();
  const clusterOf = new Map<string, string>();
  for (const [c, cluster] of result.output.entries()) {
    if (ids.has(cluster.id)) throw fail(`$.clusters[${c}].id`, `duplicate cluster id "${cluster.id}"`);
    ids.add(cluster.id);
    for (const [i, key] of cluster.accounts.entries()) {
      const other = clusterOf.get(key);
      if (other !== undefined) {
        throw fail(`$.clusters[${c}].accounts[${i}]`, `account "${key}" is also in cluster "${other}"`);
      }
      clusterOf.set(key, cluster.id);
    }
  }
  return result.output;
}
