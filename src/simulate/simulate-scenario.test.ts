import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ConfigError } from '../errors.js';
import type { Tactic } from '../model/ground-truth.js';
import { DIFFICULTY_PRESETS } from './difficulty-presets.js';
import type { ScenarioSpec } from './scenario-spec.js';
import type { SimPost } from './sim-post.js';
import { type SimulationResult, simulateScenario } from './simulate-scenario.js';
import { formatPostsCsv } from './write-simulation.js';

const MIN = 60_000;
const DAY = 86_400_000;

function small(tactics: Tactic[], extra: Partial<ScenarioSpec> = {}): SimulationResult {
  return simulateScenario({
    name: `test-${tactics.join('+')}`,
    seed: 11,
    organic: { accounts: 300, bursts: 1, viralHashtags: 1 },
    campaigns: [{ tactics, difficulty: 'standard' }],
    ...extra,
  });
}

function plantedByAction(sim: SimulationResult): Map<number, SimPost[]> {
  const out = new Map<number, SimPost[]>();
  for (const p of sim.posts) {
    if (p.planted === undefined) continue;
    const list = out.get(p.planted.action) ?? [];
    list.push(p);
    out.set(p.planted.action, list);
  }
  return out;
}

const mixedSmall = simulateScenario('mixed-small');

test('determinism: the same scenario and seed give byte-identical output; another seed differs', () => {
  const again = simulateScenario('mixed-small');
  assert.equal(formatPostsCsv(again), formatPostsCsv(mixedSmall));
  assert.deepEqual(again.truth, mixedSmall.truth);
  const other = simulateScenario('mixed-small', { seed: 302 });
  assert.notEqual(formatPostsCsv(other), formatPostsCsv(mixedSmall));
  assert.equal(other.truth.seed, 302);
});

test('mixed-small: truth lists exactly the posting accounts, sorted, with 3 campaigns', () => {
  const { posts, truth } = mixedSmall;
  assert.ok(posts.length < 25_000, `${posts.length} posts`);
  const posting = [...new Set(posts.map((p) => `${p.platform}:${p.account}`))].sort();
  assert.deepEqual(
    truth.accounts.map((a) => a.key),
    posting,
  );
  assert.deepEqual(
    truth.campaigns.map((c) => [c.id, c.tactics]),
    [
      ['K01', ['co-retweet']],
      ['K02', ['copypasta', 'batch-accounts']],
      ['K03', ['hashtag-sequence']],
    ],
  );
  for (const c of truth.campaigns) {
    assert.equal(c.accounts.length, DIFFICULTY_PRESETS.standard.accounts);
    assert.deepEqual(c.accounts, [...c.accounts].sort());
    for (const key of c.accounts) assert.equal(truth.accounts.find((a) => a.key === key)?.campaign, c.id);
  }
  const members = truth.accounts.filter((a) => a.campaign !== null).length;
  assert.equal(members, 90);
  assert.equal(truth.startMs, Date.UTC(2024, 2, 4));
  assert.equal(truth.endMs, Date.UTC(2024, 2, 18));
});

test('mixed-small: posts sorted by (ts, platform, id), ids unique, times in the period, parents earlier', () => {
  const { posts, truth } = mixedSmall;
  const byId = new Map(posts.map((p) => [`${p.platform}:${p.id}`, p]));
  assert.equal(byId.size, posts.length);
  for (let i = 1; i < posts.length; i++) {
    const a = posts[i - 1]!;
    const b = posts[i]!;
    assert.ok(a.tsMs < b.tsMs || (a.tsMs === b.tsMs && (a.platform < b.platform || a.id < b.id)));
  }
  for (const p of posts) {
    assert.ok(p.tsMs >= truth.startMs && p.tsMs < truth.endMs);
    const parentId = p.parent ?? p.replyTo;
    if (parentId === undefined) continue;
    const parent = byId.get(`${p.platform}:${parentId}`);
    assert.ok(parent !== undefined && parent.tsMs < p.tsMs && parent.account === p.parentAccount);
  }
});

test('account ids do not reveal campaigns: same digit shape for organic and campaign accounts', () => {
  const shape = (key: string) => key.split(':')[1]!.length;
  const organic = new Set(
    mixedSmall.truth.accounts.filter((a) => a.campaign === null).map((a) => shape(a.key)),
  );
  const planted = new Set(
    mixedSmall.truth.accounts.filter((a) => a.campaign !== null).map((a) => shape(a.key)),
  );
  for (const n of planted) assert.ok(organic.has(n));
});

test('co-retweet: members share the same source within the jitter of the source post', () => {
  const sim = small(['co-retweet']);
  const byId = new Map(sim.posts.map((p) => [p.id, p]));
  const jitter = DIFFICULTY_PRESETS.standard.fastJitterSeconds * 1000;
  let actionsWithFive = 0;
  for (const posts of plantedByAction(sim).values()) {
    const shares = posts.filter((p) => p.kind === 'share');
    const parents = new Set(shares.map((p) => p.parent));
    assert.equal(parents.size, 1);
    const source = byId.get([...parents][0]!)!;
    for (const s of shares) assert.ok(s.tsMs > source.tsMs && s.tsMs <= source.tsMs + jitter + 1000);
    if (new Set(shares.map((s) => s.account)).size >= 5) actionsWithFive++;
  }
  assert.ok(actionsWithFive >= 15, `${actionsWithFive}`);
});

test('copypasta: ≥ 10 members post the identical text within the jitter in most actions; copies ≥ 60 chars', () => {
  const sim = small(['copypasta']);
  const jitter = DIFFICULTY_PRESETS.standard.textJitterSeconds * 1000;
  let strong = 0;
  for (const posts of plantedByAction(sim).values()) {
    const byText = new Map<string, SimPost[]>();
    for (const p of posts) {
      assert.ok(p.text.length >= 58); // 60+ minus at most two deleted characters
      byText.set(p.text, [...(byText.get(p.text) ?? []), p]);
    }
    const top = [...byText.values()].sort((a, b) => b.length - a.length)[0]!;
    const times = top.map((p) => p.tsMs);
    assert.ok(Math.max(...times) - Math.min(...times) <= jitter);
    if (new Set(top.map((p) => p.account)).size >= 10) strong++;
  }
  assert.ok(strong >= 15, `${strong} of 20 actions`);
});

test('paraphrase: texts of an action differ pairwise but keep 5-shingle Jaccard ≥ 0.7', () => {
  const sim = small(['paraphrase']);
  const grams = (s: string) => {
    const t = s.toLowerCase().replace(/\s+/g, ' ');
    const out = new Set<string>();
    for (let i = 0; i + 5 <= t.length; i++) out.add(t.substring(i, i + 5));
    return out;
  };
  for (const posts of plantedByAction(sim).values()) {
    assert.ok(posts.length >= 2);
    const texts = posts.map((p) => p.text);
    assert.equal(new Set(texts.map((t) => t.toLowerCase())).size, texts.length);
    const sets = texts.map(grams);
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        const inter = [...sets[i]!].filter((g) => sets[j]!.has(g)).length;
        assert.ok(inter / (sets[i]!.size + sets[j]!.size - inter) >= 0.7);
      }
    }
  }
});

test('link-flood: one campaign URL per action, on domains no organic post uses', () => {
  const sim = small(['link-flood']);
  const organicDomains = new Set(
    sim.posts.filter((p) => p.planted === undefined).flatMap((p) => p.urls.map((u) => new URL(u).hostname)),
  );
  for (const posts of plantedByAction(sim).values()) {
    const urls = new Set(posts.flatMap((p) => p.urls));
    assert.equal(urls.size, 1);
    assert.ok(!organicDomains.has(new URL([...urls][0]!).hostname));
  }
});

test('image-reuse: copies of an action lie within 6 bits of each other (0–3 flips each)', () => {
  const sim = small(['image-reuse']);
  const bits = (a: string, b: string) => {
    let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
    let n = 0;
    while (x > 0n) {
      n += Number(x & 1n);
      x >>= 1n;
    }
    return n;
  };
  for (const posts of plantedByAction(sim).values()) {
    const hashes = posts.map((p) => p.media[0]!);
    for (const h of hashes) assert.match(h, /^[0-9a-f]{16}$/);
    for (let i = 0; i < hashes.length; i++)
      for (let j = i + 1; j < hashes.length; j++) assert.ok(bits(hashes[i]!, hashes[j]!) <= 6);
  }
});

test('hashtag-sequence: every participant posts the same 5–6 tags in the same order on one UTC day', () => {
  const sim = small(['hashtag-sequence']);
  for (const posts of plantedByAction(sim).values()) {
    const days = new Set(posts.map((p) => Math.floor(p.tsMs / DAY)));
    assert.equal(days.size, 1);
    const byAccount = new Map<string, SimPost[]>();
    for (const p of posts) byAccount.set(p.account, [...(byAccount.get(p.account) ?? []), p]);
    const sequences = [...byAccount.values()].map((ps) =>
      ps
        .sort((a, b) => a.tsMs - b.tsMs)
        .flatMap((p) => p.hashtags)
        .join(' '),
    );
    assert.ok(byAccount.size >= 2);
    assert.equal(new Set(sequences).size, 1);
    const length = sequences[0]!.split(' ').length;
    assert.ok(length >= 5 && length <= 6);
  }
  // Members' other posts carry no hashtags, so their daily sequence is exactly the planted one.
  const members = new Set(sim.truth.campaigns[0]!.accounts);
  for (const p of sim.posts) {
    if (p.planted === undefined && p.kind === 'post' && members.has(`${p.platform}:${p.account}`)) {
      assert.deepEqual(p.hashtags, []);
    }
  }
});

test('shift-schedule: every campaign post is inside Mon–Fri 09:00–12:00 / 13:30–18:00 of UTC+8', () => {
  const sim = small(['copypasta', 'shift-schedule']);
  const inMask = (ts: number) => {
    const local = new Date(ts + 8 * 3_600_000);
    const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
    const weekday = local.getUTCDay();
    return (
      weekday >= 1 && weekday <= 5 && ((minute >= 540 && minute < 720) || (minute >= 810 && minute < 1080))
    );
  };
  const members = new Set(sim.truth.campaigns[0]!.accounts);
  let n = 0;
  for (const p of sim.posts) {
    if (!members.has(`${p.platform}:${p.account}`)) continue;
    n++;
    assert.ok(inMask(p.tsMs), new Date(p.tsMs).toISOString());
    if (p.planted !== undefined) assert.ok(inMask(p.planted.triggerMs));
  }
  assert.ok(n > 100);
});

test('batch-accounts: members created within 2 days, handles FirstnameLastname + 4–5 digits', () => {
  const sim = small(['copypasta', 'batch-accounts']);
  const members = sim.accounts.filter((a) => a.campaign === 'K01');
  assert.equal(members.length, DIFFICULTY_PRESETS.standard.accounts);
  const created = members.map((a) => a.createdAtMs);
  assert.ok(Math.max(...created) - Math.min(...created) <= 2 * DAY);
  assert.ok(Math.max(...created) < sim.truth.startMs);
  for (const a of members) assert.match(a.handle, /^[A-Z][a-z]+[A-Z][a-z]+\d{4,5}$/);
  const images = members.map((a) => a.profileImage).filter((h) => h !== '');
  assert.ok(new Set(images).size < images.length); // copied images
  const organic = sim.accounts.filter((a) => a.campaign === null);
  const organicBatchShape = organic.filter((a) => /^[A-Z][a-z]+[A-Z][a-z]+\d{4,5}$/.test(a.handle));
  assert.equal(organicBatchShape.length, 0);
});

test('multi-platform: members on twitter, facebook and telegram; the same content on each; shares stay home', () => {
  const sim = small(['co-retweet', 'multi-platform'], {
    organic: {
      accounts: 300,
      bursts: 1,
      viralHashtags: 1,
      platforms: [
        { platform: 'twitter', share: 0.7 },
        { platform: 'facebook', share: 0.2 },
        { platform: 'telegram', share: 0.1 },
      ],
    },
  });
  assert.deepEqual(sim.truth.campaigns[0]!.platforms, ['facebook', 'telegram', 'twitter']);
  const byId = new Map(sim.posts.map((p) => [`${p.platform}:${p.id}`, p]));
  for (const posts of plantedByAction(sim).values()) {
    const sources = posts.filter((p) => p.kind === 'post');
    assert.equal(sources.length, 3);
    assert.equal(new Set(sources.map((p) => p.text)).size, 1);
    for (const s of posts.filter((p) => p.kind === 'share')) assert.ok(byId.has(`${s.platform}:${s.parent}`));
  }
});

test('part-organic: about half of the members’ posts are organic-style', () => {
  const sim = small(['co-retweet', 'part-organic']);
  const members = new Set(sim.truth.campaigns[0]!.accounts);
  const theirs = sim.posts.filter((p) => members.has(`${p.platform}:${p.account}`));
  const share = theirs.filter((p) => p.planted === undefined).length / theirs.length;
  assert.ok(share > 0.35 && share < 0.65, `${share}`);
});

test('organic-only: no campaign, and a news burst where ≥ 200 accounts post one URL within 10 minutes', () => {
  const sim = simulateScenario('organic-only');
  assert.equal(sim.truth.campaigns.length, 0);
  assert.ok(sim.truth.accounts.every((a) => a.campaign === null));
  assert.ok(sim.truth.accounts.length >= 19_000);
  assert.ok(sim.posts.length <= 250_000);
  const byUrl = new Map<string, SimPost[]>();
  for (const p of sim.posts) for (const u of p.urls) byUrl.set(u, [...(byUrl.get(u) ?? []), p]);
  let best = 0;
  for (const posts of byUrl.values()) {
    if (posts.length < 200) continue;
    for (let i = 0, j = 0; j < posts.length; j++) {
      while (posts[j]!.tsMs - posts[i]!.tsMs > 10 * MIN) i++;
      best = Math.max(best, new Set(posts.slice(i, j + 1).map((p) => p.account)).size);
    }
  }
  assert.ok(best >= 200, `${best}`);
});

test('unknown scenario names and invalid specs throw ConfigError', () => {
  assert.throws(() => simulateScenario('nope'), ConfigError);
  assert.throws(
    () => simulateScenario({ name: 'x', campaigns: [{ tactics: ['shift-schedule'] }] }),
    /co-action tactic/,
  );
});
