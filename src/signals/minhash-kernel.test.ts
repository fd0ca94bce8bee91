import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createMinHashParams, type MinHashParams } from './minhash.js';
import { MinHashKernel } from './minhash-kernel.js';
import { fmix32 } from './shingles.js';

/** Reference: per function, min over x of (a·x + b) mod 2³², in BigInt arithmetic. */
function referenceSignature(shingles: readonly number[], params: MinHashParams): number[] {
  return Array.from(params.a, (a, i) => {
    let min = 2n ** 32n - 1n;
    for (const x of shingles) {
      const v = (BigInt(a) * BigInt(x) + BigInt(params.b[i]!)) % 2n ** 32n;
      if (v < min) min = v;
    }
    return Number(min);
  });
}

function signatureOf(kernel: MinHashKernel, shingles: readonly number[]): number[] {
  const input = kernel.shingleBuffer(shingles.length);
  input.set(shingles);
  return [...kernel.signature(shingles.length)];
}

test('MinHashKernel: WebAssembly SIMD is available on Node ≥ 20 (else the speed-up is lost)', () => {
  assert.equal(new MinHashKernel(createMinHashParams(80, 42)).simd, true);
  assert.equal(new MinHashKernel(createMinHashParams(80, 42), false).simd, false);
});

test('MinHashKernel: equals the BigInt reference for function counts around the 16-function pass', () => {
  const shingles = [0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 123456789, 987654321, 5, 5];
  for (const functions of [1, 3, 15, 16, 17, 21, 80, 100]) {
    const params = createMinHashParams(functions, `k${functions}`);
    for (const simd of [true, false]) {
      const kernel = new MinHashKernel(params, simd);
      assert.equal(kernel.functions, functions);
      assert.deepEqual(
        signatureOf(kernel, shingles),
        referenceSignature(shingles, params),
        `${functions}/${simd}`,
      );
      // One shingle: the signature is a·x + b itself.
      assert.deepEqual(signatureOf(kernel, [77]), referenceSignature([77], params));
    }
  }
});

test('MinHashKernel: an empty set gives 0xffffffff everywhere; reuse across sets keeps no state', () => {
  const params = createMinHashParams(20, 1);
  const kernel = new MinHashKernel(params);
  assert.ok(signatureOf(kernel, []).every((v) => v === 0xffffffff));
  const small = [fmix32(1), fmix32(2)];
  const first = signatureOf(kernel, small);
  signatureOf(kernel, [0]); // a different set in between
  assert.deepEqual(signatureOf(kernel, small), first);
  assert.deepEqual(first, referenceSignature(small, params));
});

test('MinHashKernel: memory grows for a large set (200,000 shingles) and results stay exact', () => {
  const params = createMinHashParams(24, 9);
  const kernel = new MinHashKernel(params);
  const big = Array.from({ length: 200_000 }, (_, i) => fmix32(i + 1));
  const expected = params.a.map((a, i) => {
    let min = 0xffffffff;
    for (const x of big) min = Math.min(min, (Math.imul(a, x) + params.b[i]!) >>> 0);
    return min;
  });
  assert.deepEqual(signatureOf(kernel, big), [...expected]);
  // After growing, small sets still work (views re-created).
  assert.deepEqual(signatureOf(kernel, [3, 4]), referenceSignature([3, 4], params));
});

test('MinHashKernel: a count beyond the buffer throws RangeError', () => {
  const kernel = new MinHashKernel(createMinHashParams(8, 2));
  const capacity = kernel.shingleBuffer(4).length;
  assert.throws(() => kernel.signature(capacity + 1), RangeError);
  assert.throws(() => kernel.signature(-1), RangeError);
});
