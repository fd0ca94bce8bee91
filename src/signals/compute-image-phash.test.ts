import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';

import { ConfigError, InputError } from '../errors.js';
import { computeImagePhash } from './compute-image-phash.js';
import { MEDIA_GROUP_DEFAULTS } from './group-media-hashes.js';

let dir = '';

/** A w × h RGB image from a pixel function, as raw bytes. */
function raw(w: number, h: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const data = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [r, g, b] = pixel(x / w, y / h);
      data.set([r, g, b], (y * w + x) * 3);
    }
  }
  return data;
}

/** A "poster": diagonal gradient, a dark disc upper left and a bright bar lower right. */
function poster(x: number, y: number): [number, number, number] {
  const base = 40 + 150 * ((x + y) / 2);
  if ((x - 0.3) ** 2 + (y - 0.3) ** 2 < 0.04) return [20, 30, 120];
  if (x > 0.55 && x < 0.9 && y > 0.65 && y < 0.8) return [250, 240, 200];
  return [base, base * 0.8, 255 - base];
}

/** An unrelated picture: vertical stripes over a reversed gradient. */
function stripes(x: number, y: number): [number, number, number] {
  const v = Math.floor(x * 6) % 2 === 0 ? 230 : 30;
  return [v * (1 - y), v, 128];
}

const W = 320;
const H = 240;

function hexDistance(x: string, y: string): number {
  let d = 0;
  for (let i = 0; i < 16; i++) {
    let v = Number.parseInt(x[i]!, 16) ^ Number.parseInt(y[i]!, 16);
    for (; v > 0; v >>= 1) d += v & 1;
  }
  return d;
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chorus-phash-'));
  const rawOpts = { raw: { width: W, height: H, channels: 3 as const } };
  await sharp(raw(W, H, poster), rawOpts)
    .png()
    .toFile(join(dir, 'poster.png'));
  await sharp(raw(W, H, poster), rawOpts)
    .resize(200, 150)
    .jpeg({ quality: 40 })
    .toFile(join(dir, 'poster-small.jpg'));
  await sharp(raw(W, H, poster), rawOpts)
    .webp({ quality: 50 })
    .toFile(join(dir, 'poster.webp'));
  await sharp(raw(W, H, stripes), rawOpts)
    .png()
    .toFile(join(dir, 'stripes.png'));
  await writeFile(join(dir, 'notes.txt'), 'not an image');
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('computeImagePhash: 16 lower-case hex digits, same file → same hash', async () => {
  const hash = await computeImagePhash(join(dir, 'poster.png'));
  assert.match(hash, /^[0-9a-f]{16}$/);
  assert.equal(await computeImagePhash(join(dir, 'poster.png')), hash);
});

test('computeImagePhash: a resized JPEG q40 copy and a WebP copy are within the default radius', async () => {
  const original = await computeImagePhash(join(dir, 'poster.png'));
  const small = await computeImagePhash(join(dir, 'poster-small.jpg'));
  const webp = await computeImagePhash(join(dir, 'poster.webp'));
  assert.ok(hexDistance(original, small) <= MEDIA_GROUP_DEFAULTS.radiusBits, `${original} vs ${small}`);
  assert.ok(hexDistance(original, webp) <= MEDIA_GROUP_DEFAULTS.radiusBits, `${original} vs ${webp}`);
});

test('computeImagePhash: an unrelated image is far (more than twice the default radius)', async () => {
  const original = await computeImagePhash(join(dir, 'poster.png'));
  const other = await computeImagePhash(join(dir, 'stripes.png'));
  assert.ok(hexDistance(original, other) > 2 * MEDIA_GROUP_DEFAULTS.radiusBits, `${original} vs ${other}`);
});

test('computeImagePhash: a missing file is INPUT_UNREADABLE naming the file', async () => {
  const path = join(dir, 'missing.png');
  await assert.rejects(computeImagePhash(path), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.code, 'INPUT_UNREADABLE');
    assert.equal(e.file, path);
    return true;
  });
});

test('computeImagePhash: a directory is INPUT_UNREADABLE', async () => {
  await assert.rejects(
    computeImagePhash(dir),
    (e: unknown) => e instanceof InputError && e.code === 'INPUT_UNREADABLE',
  );
});

test('computeImagePhash: a URL is refused without fetching', async () => {
  const url = 'https://example.invalid/cat.png';
  await assert.rejects(computeImagePhash(url), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.code, 'INPUT_UNREADABLE');
    assert.equal(e.file, url);
    return true;
  });
});

test('computeImagePhash: a non-image file is INPUT_FORMAT_UNKNOWN naming the file', async () => {
  const path = join(dir, 'notes.txt');
  await assert.rejects(computeImagePhash(path), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.code, 'INPUT_FORMAT_UNKNOWN');
    assert.equal(e.file, path);
    return true;
  });
});

test('computeImagePhash: an image above maxPixels is refused; a bad maxPixels is a ConfigError', async () => {
  const path = join(dir, 'poster.png');
  await assert.rejects(
    computeImagePhash(path, { maxPixels: W * H - 1 }),
    (e: unknown) => e instanceof InputError && e.code === 'INPUT_FORMAT_UNKNOWN',
  );
  assert.match(await computeImagePhash(path, { maxPixels: W * H }), /^[0-9a-f]{16}$/);
  await assert.rejects(computeImagePhash(path, { maxPixels: 0 }), ConfigError);
});
