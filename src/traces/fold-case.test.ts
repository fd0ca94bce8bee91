import assert from 'node:assert/strict';
import { test } from 'node:test';

import { foldCase } from './fold-case.js';

test('foldCase: ASCII lower-cases', () => {
  assert.equal(foldCase('Hello WORLD'), 'hello world');
});

test('foldCase: sharp s and capital sharp s both fold to ss', () => {
  assert.equal(foldCase('Straße'), 'strasse');
  assert.equal(foldCase('STRAẞE'), 'strasse');
  assert.equal(foldCase('STRASSE'), 'strasse');
});

test('foldCase: every spelling of a Greek word-final sigma folds to one form (Final_Sigma rule)', () => {
  assert.equal(foldCase('ΟΔΟΣ'), 'οδος');
  assert.equal(foldCase('οδος'), 'οδος');
  assert.equal(foldCase('οδοσ'), 'οδος');
  assert.equal(foldCase('ΣΟΣ'), 'σος');
});

test('foldCase: Turkish dotless ı is kept apart from i', () => {
  assert.equal(foldCase('kırmızı'), 'kırmızı');
  assert.equal(foldCase('KIRMIZI'), 'kirmizi');
});

test('foldCase: Cyrillic and scripts without case', () => {
  assert.equal(foldCase('ПРИВЕТ Мир'), 'привет мир');
  assert.equal(foldCase('你好'), '你好');
});
