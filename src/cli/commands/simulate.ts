/**
 * `chorus simulate`: thin wrapper over the library's `simulateScenario` + `writeSimulation` (a seeded
 * planted-campaign benchmark case: `posts.csv` or `posts.jsonl`, and `truth.json`).
 */
import { readFile } from 'node:fs/promises';

import { CibError, ConfigError } from '../../errors.js';
import {
  type ScenarioOverrides,
  type ScenarioSpec,
  SIMULATION_FORMATS,
  type SimulationFormat,
  STANDARD_SCENARIOS,
  simulateScenario,
  writeSimulation,
} from '../../simulate/index.js';
import { MAX_SCALE } from '../../simulate/scenario-spec.js';
import { EXIT } from '../exit-codes.js';
import { decimalFlag as decimal, integerFlag as integer } from '../number-flags.js';
import { terminalSafe } from '../terminal-safe.js';
import type { OutputFlags } from './detect.js';

/** Raw flag values as commander gives them. */
export interface SimulateFlags {
  out?: string;
  scenario?: string;
  config?: string;
  seed?: string;
  scale?: string;
  format?: string;
  list?: boolean;
}

/** The `--list` text: one line per standard scenario, name padded, then its description. */
export function formatScenarioList(): string {
  const width = Math.max(...STANDARD_SCENARIOS.map((s) => s.name.length));
  return STANDARD_SCENARIOS.map((s) => `${s.name.padEnd(width)}  ${s.description ?? ''}`).join('\n');
}

async function readConfig(path: string): Promise<ScenarioSpec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ConfigError(`--config: cannot read "${path}": ${(cause as Error).message}`, { cause });
  }
  try {
    return JSON.parse(text) as ScenarioSpec;
  } catch (cause) {
    throw new ConfigError(`--config: "${path}" is not valid JSON: ${(cause as Error).message}`, { cause });
  }
}

/** Map flags to the scenario, the overrides and the output; throws {@link ConfigError} naming the flag. */
async function parseFlags(flags: SimulateFlags) {
  if (flags.scenario !== undefined && flags.config !== undefined) {
    throw new ConfigError('--scenario and --config: give one, not both.');
  }
  if (flags.out === undefined) throw new ConfigError('-o/--out: missing. Expecting an output directory.');
  const format = flags.format ?? 'csv';
  if (!(SIMULATION_FORMATS as readonly string[]).includes(format)) {
    throw new ConfigError(`--format: unknown format "${format}". Expecting csv or jsonl.`);
  }
  const overrides: ScenarioOverrides = {};
  if (flags.seed !== undefined) overrides.seed = integer('seed', flags.seed, 0);
  if (flags.scale !== undefined)
    overrides.scale = decimal('scale', flags.scale, 0, MAX_SCALE, { exclusiveMin: true });
  let spec: ScenarioSpec | string;
  if (flags.config !== undefined) spec = await readConfig(flags.config);
  else if (flags.scenario !== undefined) spec = flags.scenario;
  else
    throw new ConfigError('--scenario or --config: missing. See `chorus simulate --list` for the scenarios.');
  return { spec, overrides, out: flags.out, format: format as SimulationFormat };
}

/**
 * Run `simulate` for the CLI and return the exit code (see exit-codes.ts): 0 on success, 2 for bad flags or an
 * invalid scenario, 1 otherwise. Never throws for expected failures.
 */
export async function runSimulateCommand(flags: SimulateFlags & OutputFlags): Promise<number> {
  const json = flags.logFormat === 'json';
  const fail = (code: number, kind: string, message: string) => {
    if (json) process.stderr.write(`${JSON.stringify({ level: 'error', kind, message })}\n`);
    else process.stderr.write(`chorus: ${terminalSafe(message)}\n`);
    return code;
  };
  try {
    if (flags.list) {
      process.stdout.write(`${formatScenarioList()}\n`);
      return EXIT.ok;
    }
    const { spec, overrides, out, format } = await parseFlags(flags);
    const sim = simulateScenario(spec, overrides);
    const paths = await writeSimulation(out, sim, { format });
    const members = sim.truth.accounts.filter((a) => a.campaign !== null).length;
    if (json) {
      const summary = {
        level: 'info',
        kind: 'done',
        scenario: sim.truth.scenario,
        seed: sim.truth.seed,
        accounts: sim.accounts.length,
        campaignAccounts: members,
        campaigns: sim.truth.campaigns.length,
        posts: sim.posts.length,
        ...paths,
      };
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } else if (!flags.quiet) {
      process.stdout.write(
        `simulated ${terminalSafe(sim.truth.scenario)} (seed ${sim.truth.seed}): ` +
          `${sim.accounts.length.toLocaleString('en-US')} accounts (${members.toLocaleString('en-US')} in ` +
          `${sim.truth.campaigns.length} campaigns), ${sim.posts.length.toLocaleString('en-US')} posts\n` +
          `  ${terminalSafe(paths.postsPath)}\n  ${terminalSafe(paths.truthPath)}\n`,
      );
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ConfigError) return fail(EXIT.usage, 'usage', error.message);
    if (error instanceof CibError) return fail(EXIT.internal, error.code, error.message);
    return fail(EXIT.internal, 'internal', (error as Error).stack ?? String(error));
  }
}
