import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import fc from 'fast-check';
import seedrandom from 'seedrandom';
import wordListPath from 'word-list';

import { CibError } from '../errors.js';
import {
  classifyHandle,
  createHandleClassifier,
  HANDLE_PATTERNS,
  IMPLAUSIBLE_BIGRAMS,
  isImplausibleBigram,
  normalizeHandle,
  resolveHandlePatternOptions,
  shannonEntropyBitsPerChar,
} from './handle-pattern.js';

const close = (actual: number, expected: number): void =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

describe('shannonEntropyBitsPerChar', () => {
  it('matches hand-computed values', () => {
    close(shannonEntropyBitsPerChar(''), 0);
    close(shannonEntropyBitsPerChar('aaaa'), 0);
    close(shannonEntropyBitsPerChar('abcd'), 2); // four symbols, p = 1/4 each: 4 · ¼ · 2
    close(shannonEntropyBitsPerChar('aabb'), 1);
    // p(a) = 2/3, p(b) = 1/3: 2/3 · log2(3/2) + 1/3 · log2(3)
    close(shannonEntropyBitsPerChar('aab'), (2 / 3) * Math.log2(3 / 2) + (1 / 3) * Math.log2(3));
    close(shannonEntropyBitsPerChar('abcdefgh'), 3);
  });

  it('is case-sensitive and counts a surrogate pair as one code point', () => {
    close(shannonEntropyBitsPerChar('Aa'), 1);
    close(shannonEntropyBitsPerChar('😀😀'), 0);
    close(shannonEntropyBitsPerChar('😀a'), 1);
  });

  it('is at most log2(length) and unchanged by reordering', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const chars = [...text];
        const h = shannonEntropyBitsPerChar(text);
        assert.ok(h >= 0 && h <= Math.log2(Math.max(chars.length, 1)) + 1e-9);
        close(shannonEntropyBitsPerChar(chars.reverse().join('')), h);
      }),
    );
  });
});

describe('normalizeHandle', () => {
  it('drops @, invisible characters, fediverse instances and the Bluesky suffix', () => {
    assert.equal(normalizeHandle('@AnnaSmith'), 'AnnaSmith');
    assert.equal(normalizeHandle('＠Anna\u200B_Smith@mastodon.social'), 'Anna_Smith');
    assert.equal(normalizeHandle('\u202Eanna.smith8841.bsky.social'), 'anna.smith8841');
    assert.equal(normalizeHandle('  @@ '), '');
  });
});

describe('classifyHandle', () => {
  const cases: Array<[string, string, number]> = [
    // handle, pattern, trailing digits
    ['AnnaSmith12345', 'name-digits', 5],
    ['anna_smith8841', 'name-digits', 4],
    ['Anna.Maria.Smith_20231', 'name-digits', 5],
    ['@AnnaSmith1234', 'name-digits', 4],
    ['JohnMcDonald1234', 'name-digits', 4],
    ['JohnSmi12345678', 'name-digits', 8],
    ['ＡｎｎａＳｍｉｔｈ１２３４', 'name-digits', 4], // full-width, NFKC
    ['Anna\u202ESmith1234', 'name-digits', 4], // bidi override dropped
    ['anna.smith8841.bsky.social', 'name-digits', 4],
    ['AnnaSmith123', 'word-digits', 3], // 3 < 4 digits
    ['AnnaSmith123456789', 'word-digits', 9], // 9 > 8 digits
    ['annasmith8841', 'word-digits', 4], // parts cannot be told apart
    ['patriot1776', 'word-digits', 4],
    ['AnnaSmith', 'plain', 0],
    ['KrzysztofStrzelczyk', 'plain', 0], // name-shaped: never random
    ['newsfan', 'plain', 0],
    ['john2', 'plain', 1],
    ['___', 'plain', 0],
    ['xk2jq9vzp', 'random', 0],
    ['aB3xK9qZ', 'random', 0],
    ['3fa9c20b7', 'random', 1],
    ['bxjqwpfz', 'random', 0],
    ['XqztBrvk1234', 'random', 4],
    ['bxjqwpf', 'plain', 0], // 7 < minRandomChars
    ['12345', 'digits', 5],
    ['2024_01', 'digits', 2],
    ['Анна1234', 'other', 4],
    ['josé_garcía1234', 'other', 4],
    ['🙂🙂', 'other', 0],
    ['a'.repeat(65), 'other', 0],
    ['', 'empty', 0],
    ['@', 'empty', 0],
    ['\u200B\u202E', 'empty', 0],
  ];
  for (const [handle, pattern, digits] of cases) {
    it(`${JSON.stringify(handle)} → ${pattern}`, () => {
      const c = classifyHandle(handle);
      assert.equal(c.pattern, pattern);
      assert.equal(c.digits, digits);
    });
  }

  it('reports hand-computed features of AnnaSmith12345', () => {
    const c = classifyHandle('AnnaSmith12345');
    assert.equal(c.length, 14);
    assert.equal(c.nameParts, 2);
    close(c.vowelRatio!, 3 / 9); // A, a, i of 9 letters
    assert.equal(c.longestConsonantRun, 2); // nn; Sm, th
    assert.equal(c.letterBigrams, 7); // an nn na | sm mi it th
    assert.equal(c.implausibleBigrams, 0);
    // 14 code points: n twice, 12 others once
    close(c.entropyBitsPerChar, (2 / 14) * Math.log2(7) + (12 / 14) * Math.log2(14));
  });

  it('reports the tells of aB3xK9qZ', () => {
    const c = classifyHandle('aB3xK9qZ');
    assert.equal(c.innerDigitRuns, 2);
    assert.equal(c.letterBigrams, 0); // every letter is its own segment
    close(c.vowelRatio!, 1 / 6);
    close(c.entropyBitsPerChar, 3);
  });

  it('counts implausible bigrams inside segments only', () => {
    // xk jq vz zp: all four implausible
    const c = classifyHandle('xk2jq9vzp');
    assert.equal(c.letterBigrams, 4);
    assert.equal(c.implausibleBigrams, 4);
  });

  it('survives adversarial input', () => {
    const long = classifyHandle(`${'1'.repeat(200_000)}a`);
    assert.equal(long.pattern, 'other');
    assert.equal(long.digits, 0);
    assert.equal(classifyHandle('\u0000\u0001abc').pattern, 'other');
    assert.equal(classifyHandle('\uD800abc').pattern, 'other'); // lone surrogate
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (handle) => {
        const c = classifyHandle(handle);
        assert.ok((HANDLE_PATTERNS as readonly string[]).includes(c.pattern));
        assert.ok(c.digits >= 0 && c.digits <= c.length);
        assert.deepEqual(JSON.parse(JSON.stringify(c)), c);
      }),
    );
  });

  it('takes options', () => {
    assert.equal(classifyHandle('AnnaSmith123', { minNameDigits: 3 }).pattern, 'name-digits');
    assert.equal(classifyHandle('AnnaSmith12345', { maxNameDigits: 4 }).pattern, 'word-digits');
    assert.equal(createHandleClassifier({ minRandomChars: 7 })('bxjqwpf').pattern, 'random');
  });

  it('rejects invalid options with CONFIG_INVALID', () => {
    for (const bad of [
      { minNameDigits: 0 },
      { maxNameDigits: 3 },
      { minRandomChars: 1 },
      { minNameDigits: 1.5 },
    ]) {
      assert.throws(
        () => resolveHandlePatternOptions(bad),
        (e: unknown) => e instanceof CibError && e.code === 'CONFIG_INVALID',
      );
    }
  });

  it('rarely calls English words random and often calls random strings random', () => {
    const words = readFileSync(wordListPath, 'utf8')
      .split('\n')
      .filter((w, i) => w.length >= 8 && i % 10 === 0);
    const wordRandom = words.filter((w) => classifyHandle(w).pattern === 'random').length;
    assert.ok(wordRandom / words.length < 0.005, `${wordRandom} of ${words.length} words random`);
    const rng = seedrandom('handles');
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    let hits = 0;
    for (let i = 0; i < 1000; i++) {
      let s = '';
      for (let j = 0; j < 12; j++) s += alphabet[Math.floor(rng() * alphabet.length)];
      if (classifyHandle(s).pattern === 'random') hits++;
    }
    assert.ok(hits >= 700, `${hits} of 1000 random strings`);
  });
});

describe('IMPLAUSIBLE_BIGRAMS', () => {
  it('is the list of a–z pairs seen at most 100 times in word-list', () => {
    const counts = new Map<string, number>();
    for (const word of readFileSync(wordListPath, 'utf8').split('\n')) {
      if (!/^[a-z]+$/.test(word)) continue;
      for (let i = 1; i < word.length; i++) {
        const pair = word.slice(i - 1, i + 1);
        counts.set(pair, (counts.get(pair) ?? 0) + 1);
      }
    }
    const expected: string[] = [];
    for (let a = 97; a <= 122; a++) {
      for (let b = 97; b <= 122; b++) {
        const pair = String.fromCharCode(a, b);
        if ((counts.get(pair) ?? 0) <= 100) expected.push(pair);
      }
    }
    assert.deepEqual(IMPLAUSIBLE_BIGRAMS.split(' '), expected);
  });

  it('isImplausibleBigram checks lower-case pairs only', () => {
    assert.equal(isImplausibleBigram('qz'), true);
    assert.equal(isImplausibleBigram('th'), false);
    assert.equal(isImplausibleBigram('QZ'), false);
    assert.equal(isImplausibleBigram('q'), false);
    assert.equal(isImplausibleBigram('qzq'), false);
  });
});
