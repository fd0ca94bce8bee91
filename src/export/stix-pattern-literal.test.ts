import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stixPatternLiteral } from './stix-pattern-literal.js';

test("stixPatternLiteral: quotes the value and escapes ' and \\ only", () => {
  assert.equal(stixPatternLiteral('abc'), "'abc'");
  assert.equal(stixPatternLiteral("it's"), "'it\\'s'");
  assert.equal(stixPatternLiteral('a\\b'), "'a\\\\b'");
  assert.equal(stixPatternLiteral("\\'"), "'\\\\\\''");
  assert.equal(stixPatternLiteral('"x" ] AND [y'), '\'"x" ] AND [y\'');
  assert.equal(stixPatternLiteral(''), "''");
});
