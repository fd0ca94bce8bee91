/**
 * Perceptual hash of a local image file: the 64-bit DCT hash (pHash) as computed by sharp-phash on top of sharp
 * (libvips): grey → 32 × 32 → 2-D DCT-II → the 8 × 8 lowest frequencies after the DC term → one bit per coefficient,
 * set when it is above their mean. Robust to resizing, re-encoding and light crops; not to flips or rotations.
 *
 * Reference: Zauner, C. (2010). Implementation and Benchmarking of Perceptual Image Hash Functions. Master's
 * thesis, Upper Austria University of Applied Sciences, Hagenberg. Library: sharp-phash 2.x
 * (github.com/btd/sharp-phash, MIT).
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import sharpPhash from 'sharp-phash';

import { ConfigError, InputError } from '../errors.js';

/**
 * sharp-phash is CommonJS (`module.exports = phash`) while its typings declare `export default phash`; under NodeNext
 * the default import is the function itself at run time, so take its type from the typings' `default`.
 */
const phash = sharpPhash as unknown as typeof sharpPhash.default;

/** Options of {@link computeImagePhash}. */
export interface ImagePhashOptions {
  /**
   * Largest image accepted, in pixels (width × height, integer ≥ 1). Default 100,000,000 (100 MP; a 10,000 ×
   * 10,000 image). Files come from the data, which the adversary may have written: a small PNG can declare a huge
   * canvas ("decompression bomb"), and sharp would otherwise decode up to ~268 MP.
   */
  maxPixels: number;
}

/** Defaults of {@link ImagePhashOptions}: `maxPixels` 100,000,000. */
export const IMAGE_PHASH_DEFAULTS: Readonly<ImagePhashOptions> = Object.freeze({ maxPixels: 100_000_000 });

/** A URL-like string (`scheme://…`): never fetched, never opened. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** `options.maxPixels` or its default, checked. @throws {ConfigError} when it is not an integer ≥ 1 */
function checkedMaxPixels(options: Partial<ImagePhashOptions>): number {
  const maxPixels = options.maxPixels ?? IMAGE_PHASH_DEFAULTS.maxPixels;
  if (!Number.isSafeInteger(maxPixels) || maxPixels < 1) {
    throw new ConfigError(
      `signals/compute-image-phash: invalid \`maxPixels\` (${String(maxPixels)}). Expecting an integer ≥ 1.`,
    );
  }
  return maxPixels;
}

/**
 * Turn sharp-phash's 64-character `0`/`1` string (first character = most significant bit) into 16 lower-case hex
 * digits.
 * @throws {Error} when the string is not 64 binary digits (a library contract violation)
 */
function bitsToHex(bits: string): string {
  if (!/^[01]{64}$/.test(bits)) throw new Error(`unexpected pHash output "${bits.slice(0, 80)}"`);
  let hex = '';
  for (let i = 0; i < 64; i += 4) hex += Number.parseInt(bits.slice(i, i + 4), 2).toString(16);
  return hex;
}

/**
 * Compute the 64-bit pHash of a local image file (JPEG, PNG, WebP, GIF (first frame), AVIF, TIFF, SVG — what
 * libvips in sharp reads). Reads the file only; never fetches anything.
 *
 * @param path a local file path (URLs are refused)
 * @param options partial {@link ImagePhashOptions}: `[options.maxPixels=100000000]`
 * @returns 16 lower-case hex digits, most significant bit first; the input format of {@link groupMediaHashes}
 * @throws {ConfigError} `CONFIG_INVALID` when `maxPixels` is not an integer ≥ 1
 * @throws {InputError} `INPUT_UNREADABLE` naming the file when the path is a URL or the file cannot be read
 *   (missing, a directory, no permission); `INPUT_FORMAT_UNKNOWN` when it is not a decodable image or exceeds
 *   `maxPixels`
 * @example await computeImagePhash('media/cat.jpg') // e.g. 'c3a1…' (16 hex digits)
 */
export async function computeImagePhash(
  path: string,
  options: Partial<ImagePhashOptions> = {},
): Promise<string> {
  const maxPixels = checkedMaxPixels(options);
  if (URL_LIKE.test(path)) {
    throw new InputError(
      'INPUT_UNREADABLE',
      path,
      `${path}: a URL, not a local file; images are never fetched.`,
    );
  }
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError('INPUT_UNREADABLE', path, `${path}: cannot read the image file (${code}).`, {
      cause,
    });
  }
  return computeImagePhashOfBytes(data, path, { maxPixels });
}

/**
 * Compute the 64-bit pHash of image bytes already read (so a caller can open the file itself, e.g. without
 * following links, and check it before reading).
 * @param data the file's bytes
 * @param name the file name used in error messages
 * @param options partial {@link ImagePhashOptions}: `[options.maxPixels=100000000]`
 * @returns 16 lower-case hex digits, as {@link computeImagePhash}
 * @throws {ConfigError} `CONFIG_INVALID` when `maxPixels` is not an integer ≥ 1
 * @throws {InputError} `INPUT_FORMAT_UNKNOWN` naming `name` when the bytes are not a decodable image or exceed
 *   `maxPixels`
 */
export async function computeImagePhashOfBytes(
  data: Buffer,
  name: string,
  options: Partial<ImagePhashOptions> = {},
): Promise<string> {
  const maxPixels = checkedMaxPixels(options);
  let bits: string;
  try {
    bits = await phash(data, { limitInputPixels: maxPixels, failOn: 'error' });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new InputError('INPUT_FORMAT_UNKNOWN', name, `${name}: not a readable image (${reason}).`, {
      cause,
    });
  }
  return bitsToHex(bits);
}
