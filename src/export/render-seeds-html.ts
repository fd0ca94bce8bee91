/**
 * The "Seeds" section of report.html: the published indicator files a run started from (`--seeds`), the seeds found
 * in the case with the accounts they matched, and the accounts that co-acted with those, strongest first
 * (`matchSeeds`). Seed values, file names and account keys are escaped; URLs are shown as text, never linked.
 */
import type { SeedReport } from '../model/seed.js';
import { formatLog10P } from '../score/format-p-value.js';
import { escapeText as h, isolateUserText as u } from './html-text.js';
import { pluralize } from './pluralize.js';

/** Most matched seeds and expansion accounts listed (all are in seeds.json). */
export const SEEDS_SHOWN = 100;

/**
 * Render the seeds section; empty when the run had no seed files.
 * @example renderSeedsHtml(result.seeds).join('\n')
 */
export function renderSeedsHtml(seeds: SeedReport | undefined): string[] {
  if (seeds === undefined) return [];
  const out = ['<section id="seeds">', '<h2>Seeds</h2>', '<ul>'];
  for (const f of seeds.files) {
    const skipped = Object.entries(f.counts.skipped)
      .map(([why, n]) => `${why} ${n}`)
      .join(', ');
    out.push(
      `<li class="obj">${u(f.file)} (${h(f.format)}): ${h(pluralize(f.counts.read, 'row'))} read, ${h(f.counts.accepted)} seeds${skipped === '' ? '' : `, skipped: ${h(skipped)}`}</li>`,
    );
  }
  out.push(
    '</ul>',
    `<p>${pluralize(seeds.matched.length, 'seed')} of ${h(seeds.seeds)} found in the case, matching ${pluralize(seeds.accounts.length, 'account')}.</p>`,
  );
  if (seeds.matched.length > 0) {
    out.push(
      '<table><thead><tr><th>Kind</th><th>Seed</th><th>Row</th><th>Kill chain</th><th>Accounts</th></tr></thead><tbody>',
      ...seeds.matched
        .slice(0, SEEDS_SHOWN)
        .map(
          (m) =>
            `<tr><td>${h(m.kind)}</td><td class="obj">${u(m.value)}</td><td class="num">${h(m.source.row)}</td><td>${m.ttp === undefined ? '' : `${h(m.ttp.id)} ${h(m.ttp.name)}`}</td><td class="obj">${m.accounts.map(u).join('<br>')}</td></tr>`,
        ),
      '</tbody></table>',
    );
  }
  if (seeds.expansion.length > 0) {
    out.push(
      '<h3>Accounts that co-acted with seed accounts</h3>',
      '<table><thead><tr><th>Account</th><th>With</th><th class="num">Co-actions</th><th>Strongest edge</th></tr></thead><tbody>',
      ...seeds.expansion
        .slice(0, SEEDS_SHOWN)
        .map(
          (x) =>
            `<tr><td class="obj">${u(x.key)}</td><td class="obj">${x.via.map(u).join('<br>')}</td><td class="num">${h(x.coactions)}</td><td>${h(formatLog10P(x.log10PValue))}</td></tr>`,
        ),
      '</tbody></table>',
    );
  }
  out.push('</section>');
  return out;
}
