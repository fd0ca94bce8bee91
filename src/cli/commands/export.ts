/**
 * `chorus export CASE --stix|--misp|--ttp-csv|--gexf`: write indicator-exchange files from a stored case (a
 * `chorus detect --out` folder) without detecting again: a STIX 2.1 bundle (`case.stix.json`), a MISP event
 * (`case.misp.json`), Meta-style TTP CSV with defanged indicators (`case.ttp.csv`) and GEXF (`network.gexf`,
 * already written by detect; here rewritten from the stored network).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ConfigError } from '../../errors.js';
import type { CaseReport } from '../../export/case-report.js';
import { readCaseReport } from '../../export/read-case-report.js';
import { writeMispEvent } from '../../export/write-misp-event.js';
import { writeNetworkGexf } from '../../export/write-network-gexf.js';
import { writeStixBundle } from '../../export/write-stix-bundle.js';
import { TTP_CSV_MIN_SCORE, writeTtpCsv } from '../../export/write-ttp-csv.js';
import { EXIT } from '../exit-codes.js';
import { decimalFlag } from '../number-flags.js';
import { exitForError, failurePrinter } from '../report-failure.js';
import type { OutputFlags } from './detect.js';

/** Flags of `chorus export`. */
export interface ExportFlags extends OutputFlags {
  stix?: boolean;
  misp?: boolean;
  ttpCsv?: boolean;
  gexf?: boolean;
  /** Output folder (default: the case folder). */
  out?: string;
  /** Least cluster score exported as a campaign / event (default 0.5). */
  minScore?: string;
  /** Name of the analyst organisation in the STIX identity. */
  identity?: string;
}

/** One export format: the file it writes and how. */
interface ExportFormat {
  flag: keyof ExportFlags;
  file: string;
  write: (report: CaseReport, flags: ExportFlags) => string;
}

const FORMATS: readonly ExportFormat[] = [
  {
    flag: 'stix',
    file: 'case.stix.json',
    write: (report, flags) =>
      `${JSON.stringify(
        writeStixBundle(report, {
          ...(flags.minScore !== undefined
            ? { minScore: decimalFlag('min-score', flags.minScore, 0, 1) }
            : {}),
          ...(flags.identity !== undefined ? { identityName: flags.identity } : {}),
        }),
        null,
        2,
      )}\n`,
  },
  {
    flag: 'misp',
    file: 'case.misp.json',
    write: (report, flags) =>
      `${JSON.stringify(writeMispEvent(report, minScore(flags) === undefined ? {} : { minScore: minScore(flags)! }), null, 2)}\n`,
  },
  {
    flag: 'ttpCsv',
    file: 'case.ttp.csv',
    write: (report, flags) => writeTtpCsv(report, minScore(flags) ?? TTP_CSV_MIN_SCORE),
  },
  { flag: 'gexf', file: 'network.gexf', write: (report) => writeNetworkGexf(report.network) },
];

/** `--min-score` as a number in [0, 1], or undefined. */
function minScore(flags: ExportFlags): number | undefined {
  return flags.minScore === undefined ? undefined : decimalFlag('min-score', flags.minScore, 0, 1);
}

/**
 * Run `export` for the CLI and return the exit code: 0 OK, 2 usage error (no format chosen, bad option), 3 the case
 * cannot be read, 1 anything else. Error messages go through `terminalSafe`.
 * @param caseDir the `chorus detect --out` folder
 */
export async function runExportCommand(caseDir: string, flags: ExportFlags): Promise<number> {
  const fail = failurePrinter(flags.logFormat);
  try {
    const chosen = FORMATS.filter((f) => flags[f.flag] === true);
    if (chosen.length === 0) {
      throw new ConfigError(
        `export: choose at least one format: ${FORMATS.map((f) => `--${f.flag === 'ttpCsv' ? 'ttp-csv' : f.flag}`).join(', ')}.`,
      );
    }
    const report = await readCaseReport(caseDir);
    const threshold = minScore(flags) ?? 0.5;
    const exported = (report.scores?.clusters ?? []).filter((c) => c.score >= threshold).length;
    if (exported === 0 && !flags.quiet) {
      process.stderr.write(
        `chorus: warning: no cluster scores ${threshold} or more; the indicator files hold no campaign (see scores.json or lower --min-score).\n`,
      );
    }
    const out = flags.out ?? caseDir;
    await mkdir(out, { recursive: true });
    for (const format of chosen) {
      const path = join(out, format.file);
      await writeFile(path, format.write(report, flags), 'utf8');
      if (!flags.quiet) process.stdout.write(`wrote ${path}\n`);
    }
    return EXIT.ok;
  } catch (error) {
    return exitForError(error, fail);
  }
}
