/**
 * Reader of `truth.json`, the ground truth `chorus simulate` writes (contract: src/model/ground-truth.ts, schema
 * `chorus-truth/1`). Validated with valibot, then checked for consistency (unique ids and keys; every account's
 * campaign exists; each campaign's member list equals the accounts labelled with it), so that the metrics of
 * `evaluateDetection` rest on one unambiguous labelling.
 */
import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import { InputError } from '../errors.js';
import { DIFFICULTIES, GROUND_TRUTH_SCHEMA, type GroundTruth, TACTICS } from '../model/ground-truth.js';
import { formatIssuePath } from './format-issue-path.js';

const nonEmpty = v.pipe(v.string(), v.minLength(1));

/** valibot schema of `truth.json` (extra fields are dropped; the `schema` field must be `chorus-truth/1`). */
export const GroundTruthSchema = v.object({
  schema: v.literal(GROUND_TRUTH_SCHEMA),
  scenario: v.string(),
  seed: v.number(),
  generator: v.string(),
  startMs: v.number(),
  endMs: v.number(),
  platforms: v.array(v.string()),
  campaigns: v.array(
    v.object({
      id: nonEmpty,
      tactics: v.pipe(v.array(v.picklist(TACTICS)), v.minLength(1)),
      difficulty: v.picklist(DIFFICULTIES),
      accounts: v.array(nonEmpty),
      platforms: v.array(v.string()),
      description: v.string(),
    }),
  ),
  accounts: v.array(v.object({ key: nonEmpty, campaign: v.nullable(nonEmpty) })),
});

/**
 * Read and validate a ground-truth file.
 * @param path path of `truth.json`
 * @returns the ground truth (fields as in {@link GroundTruth}; unknown extra fields dropped)
 * @throws {InputError} `INPUT_UNREADABLE` when the file cannot be read; `INPUT_INVALID` when it is not JSON, does
 * not match schema `chorus-truth/1` or is inconsistent — the message names the file and the JSON path of the bad
 * field, e.g. `truth.json: $.campaigns[0].tactics[1]: Invalid type: …`
 */
export async function readGroundTruth(path: string): Promise<GroundTruth> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(
      'INPUT_UNREADABLE',
      path,
      `${path}: cannot read the ground truth (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError('INPUT_INVALID', path, `${path}: not JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  return parseGroundTruth(json, path);
}

/**
 * Validate parsed `truth.json` contents (see {@link readGroundTruth}).
 * @param json the parsed JSON value
 * @param file file name used in error messages
 * @throws {InputError} `INPUT_INVALID` naming `file` and the JSON path of the first bad field
 */
export function parseGroundTruth(json: unknown, file: string): GroundTruth {
  const result = v.safeParse(GroundTruthSchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    throw invalid(file, formatIssuePath(issue), issue.message);
  }
  const truth = result.output;
  const problem = findInconsistency(truth);
  if (problem !== undefined) throw invalid(file, problem.path, problem.message);
  return truth;
}

function invalid(file: string, path: string, message: string): InputError {
  return new InputError('INPUT_INVALID', file, `${file}: invalid ground truth at ${path}: ${message}`);
}

/** First consistency problem of schema-valid truth, or `undefined`. */
function findInconsistency(truth: GroundTruth): { path: string; message: string } | undefined {
  const campaignOf = new Map<string, string | null>();
  for (const [i, account] of truth.accounts.entries()) {
    if (campaignOf.has(account.key)) {
      return { path: `$.accounts[${i}].key`, message: `duplicate account key "${account.key}"` };
    }
    campaignOf.set(account.key, account.campaign);
  }
  const members = new Map<string, number>();
  for (const [c, campaign] of truth.campaigns.entries()) {
    if (members.has(campaign.id)) {
      return { path: `$.campaigns[${c}].id`, message: `duplicate campaign id "${campaign.id}"` };
    }
    members.set(campaign.id, campaign.accounts.length);
    const seen = new Set<string>();
    for (const [i, key] of campaign.accounts.entries()) {
      const path = `$.campaigns[${c}].accounts[${i}]`;
      if (seen.has(key)) return { path, message: `duplicate member "${key}"` };
      seen.add(key);
      if (campaignOf.get(key) !== campaign.id) {
        return {
          path,
          message: campaignOf.has(key)
            ? `member "${key}" is labelled ${JSON.stringify(campaignOf.get(key))} in $.accounts`
            : `member "${key}" is missing from $.accounts`,
        };
      }
    }
  }
  const labelled = new Map<string, number>();
  for (const [i, account] of truth.accounts.entries()) {
    if (account.campaign === null) continue;
    if (!members.has(account.campaign)) {
      return { path: `$.accounts[${i}].campaign`, message: `unknown campaign "${account.campaign}"` };
    }
    labelled.set(account.campaign, (labelled.get(account.campaign) ?? 0) + 1);
  }
  for (const [c, campaign] of truth.campaigns.entries()) {
    if ((labelled.get(campaign.id) ?? 0) !== campaign.accounts.length) {
      return {
        path: `$.campaigns[${c}].accounts`,
        message: `lists ${campaign.accounts.length} members but ${labelled.get(campaign.id) ?? 0} accounts are labelled "${campaign.id}"`,
      };
    }
  }
  return undefined;
}
