#!/usr/bin/env node
/**
 * `chorus`: the command line. Argument parsing only (commander); each command is a thin wrapper in commands/.
 * Exit codes: see exit-codes.ts and the README.
 */
import { Command, CommanderError, Option } from 'commander';

import { CHORUS_VERSION } from '../pipeline/version.js';
import { runDemoCommand } from './commands/demo.js';
import { runDetectCommand } from './commands/detect.js';
import { runEvaluateCommand } from './commands/evaluate.js';
import { runExportCommand } from './commands/export.js';
import { runSimulateCommand } from './commands/simulate.js';
import { EXIT } from './exit-codes.js';

const program = new Command();
program
  .name('chorus')
  .description(
    'Find coordinated inauthentic behaviour (CIB) in social-media exports, with the evidence attached.',
  )
  .version(CHORUS_VERSION)
  .addOption(new Option('-q, --quiet', 'print nothing but errors; no progress bars'))
  .addOption(
    new Option('--log-format <format>', 'text for people, json for machines')
      .choices(['text', 'json'])
      .default('text'),
  )
  .showHelpAfterError()
  .exitOverride()
  .addHelpText(
    'after',
    `
Exit codes:
  0 OK (records may have been quarantined: see run.json and quarantine.jsonl)
  1 internal error          2 usage error (bad option)     3 no input could be read
  4 some inputs failed (outputs written from the rest)     5 case database error`,
  );

program
  .command('detect')
  .description(
    'ingest exports, find co-acting accounts within a time window, cluster them, write the evidence report',
  )
  .argument('<inputs...>', 'input files or quoted globs (.gz read transparently; format auto-detected)')
  .option('-o, --out <dir>', 'output directory', 'chorus-out')
  .option('--db <path>', "case database (DuckDB file) or ':memory:'", undefined)
  .option(
    '-f, --format <name>',
    'force the input format: csv, jsonl, parquet, coortweet, coortweet-long, qut, twarc2, twitter-v1, twitter-io, crowdtangle, meta-content-library, youtube, tiktok, telegram, reddit, bluesky, mastodon, rss',
  )
  .option(
    '--map <spec>',
    'column mapping for generic csv/jsonl/parquet, e.g. account=user_id,ts=created_at,text=body',
  )
  .option('--tz <zone>', 'zone of naive timestamps (IANA name or ±HH:MM); default UTC')
  .option('--platform <name>', 'platform name when the data does not say')
  .option(
    '-w, --window <spec>',
    "co-action time window: one for all (60s, 2m), per kind (share=10s,url=60s), or 'auto' (estimated per kind)",
  )
  .option(
    '--kinds <list>',
    'trace kinds to use (url,domain,hashtag,mention,share,reply,text,media,object,neardup,misspelling,hashtagseq)',
  )
  .option(
    '--seeds <files>',
    'published indicators to start from (Meta threat-research CSV/TSV, STIX 2.1 bundles; comma-separated): matched accounts, URLs, domains and who co-acted with them (seeds.json)',
  )
  .option(
    '--fpr <alpha>',
    'keep edges whose co-action is improbable under the null model at this false-positive rate (default 0.001)',
  )
  .option(
    '--correction <name>',
    'multiple-testing control over all account pairs: bh (Benjamini–Hochberg, default), bonferroni, none',
  )
  .option('--min-coactions <n>', 'fixed thresholds instead of significance: at least n co-actions (e.g. 2)')
  .option('--min-objects <n>', '… on at least n distinct objects (default 1 with --min-coactions)')
  .option(
    '--min-posts-each <n>',
    '… with at least n distinct posts from each account (default 2 with --min-coactions)',
  )
  .option(
    '--percentile <q>',
    'CooRTweet-compatible filter instead: keep edges above the q-quantile of edge weights',
  )
  .option(
    '--max-per-object-window <n>',
    'bound on traces per (object, window) before it counts as viral and is not paired',
  )
  .option('--evidence <n>', 'evidence pairs kept per edge')
  .option('--min-text-chars <n>', 'shortest normalized text used as a copypasta trace')
  .option('--neardup-threshold <j>', 'Jaccard similarity that makes two texts near-duplicates (default 0.7)')
  .option(
    '--media-radius <bits>',
    'pHash Hamming radius that makes two images one, 0–16 (default 8 of 64 bits)',
  )
  .option('--holidays <list>', "countries whose public holidays are checked (default CN,RU,IR,US; 'none')")
  .option(
    '--compat <tool>',
    "also write a peer tool's own tables: coortweet (coortweet_groups.csv, coortweet_network.csv)",
  )
  .option('--min-participation <n>', 'CooRTweet min_participation for --compat coortweet (default 2)')
  .option('--seed <n>', 'Louvain seed', '42')
  .option('--resolution <x>', 'Louvain resolution', '1')
  .option('--threads <n>', 'DuckDB threads (default: all cores)')
  .option(
    '--memory-limit <size>',
    "DuckDB memory limit (default 2GB; DuckDB spills to disk beyond it), e.g. '8GB'",
  )
  .addHelpText(
    'after',
    `
Examples:
  chorus detect tweets.jsonl.gz --out case-42
  chorus detect 'exports/*.csv' --map account=user_id,ts=created_at,text=body --tz Europe/Berlin
  chorus detect russian_coord_tweets.csv.gz --window share=10s --percentile 0.5 --compat coortweet
  chorus detect io_archive_tweets.csv --format twitter-io --window 60s --kinds share,url,hashtag,text`,
  )
  .action(async (inputs: string[], flags, command: Command) => {
    process.exitCode = await runDetectCommand(inputs, { ...command.optsWithGlobals(), ...flags });
  });

program
  .command('demo')
  .description(
    'run detect on the samples shipped with Chorus (CooRTweet: Russian retweets, German election FB+X; planted signals) and on a simulated benchmark scored against its truth',
  )
  .option('-o, --out <dir>', 'output directory', 'demo-out')
  .action(async (flags: { out: string }, command: Command) => {
    process.exitCode = await runDemoCommand({ ...command.optsWithGlobals(), ...flags });
  });

program
  .command('evaluate')
  .description(
    'score a detect output folder against planted ground truth (truth.json from chorus simulate); writes evaluation.json and evaluation.md',
  )
  .argument('<out_dir>', 'a `chorus detect` output folder (reads its network.json)')
  .requiredOption('--truth <file>', 'ground truth file (schema chorus-truth/1)')
  .option('--json', 'print the evaluation as JSON instead of the Markdown table')
  .addHelpText(
    'after',
    `
Examples:
  chorus evaluate --truth sim/truth.json case-42
  chorus evaluate --truth sim/truth.json case-42 --json > evaluation.json`,
  )
  .action(async (outDir: string, flags, command: Command) => {
    process.exitCode = await runEvaluateCommand(outDir, { ...command.optsWithGlobals(), ...flags });
  });

program
  .command('export')
  .description('write indicator-exchange files from a stored case (a `chorus detect --out` folder)')
  .argument('<case>', 'a `chorus detect` output folder')
  .option(
    '--stix',
    'a STIX 2.1 bundle: identity, campaigns, accounts, URLs, domains, indicators, DISARM attack patterns (case.stix.json)',
  )
  .option('--misp', 'a MISP event: user-account and microblog objects, DISARM galaxy tags (case.misp.json)')
  .option(
    '--ttp-csv',
    "indicators in the shape of Meta's threat-research CSVs, kill-chain ids, defanged (case.ttp.csv)",
  )
  .option('--gexf', 'the account network for Gephi (network.gexf)')
  .option('-o, --out <dir>', 'output folder (default: the case folder)')
  .option('--min-score <x>', 'least cluster score exported as a campaign (default 0.5)')
  .option(
    '--identity <name>',
    'name of the analyst organisation in the STIX identity (default "Chorus analyst")',
  )
  .addHelpText(
    'after',
    `
Examples:
  chorus export case-42 --stix
  chorus export case-42 --stix --misp --ttp-csv --min-score 0.7 -o share/`,
  )
  .action(async (caseDir: string, flags, command: Command) => {
    process.exitCode = await runExportCommand(caseDir, { ...command.optsWithGlobals(), ...flags });
  });

program
  .command('simulate')
  .description(
    'generate a seeded benchmark case: organic background + planted campaigns (posts.csv + truth.json)',
  )
  .option('-o, --out <dir>', 'output directory (required unless --list)')
  .option('--scenario <name>', 'a standard scenario (see --list)')
  .option('--config <file>', 'a scenario spec as JSON (name, seed, days, start, organic, campaigns)')
  .option('--seed <n>', "replace the scenario's seed")
  .option('--scale <x>', 'multiply organic accounts and news bursts, e.g. 0.5 (at most 10)')
  .option('--format <format>', 'posts file format: csv or jsonl (default csv)')
  .option('--list', 'list the standard scenarios and exit')
  .addHelpText(
    'after',
    `
Examples:
  chorus simulate --list
  chorus simulate --scenario mixed-small -o sim
  chorus simulate --scenario copypasta-standard --seed 7 --scale 0.5 -o sim-copypasta
  chorus simulate --config my-scenario.json --format jsonl -o sim-custom`,
  )
  .action(async (flags, command: Command) => {
    process.exitCode = await runSimulateCommand({ ...command.optsWithGlobals(), ...flags });
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // commander already printed the message (or the help/version text).
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return;
  }
  process.stderr.write(`chorus: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = EXIT.internal;
});
