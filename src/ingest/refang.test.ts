import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { refang } from './refang.js';

describe('refang', () => {
  it('undoes the defanging forms of threat reports', () => {
    assert.equal(refang('hxxps://twitter[.]com/x'), 'https://twitter.com/x');
    assert.equal(refang('https://www[.]tiktok[.]com/@deandrela3'), 'https://www.tiktok.com/@deandrela3');
    assert.equal(refang('HXXP://evil(.)example/a'), 'http://evil.example/a');
    assert.equal(refang('hxxp[:]//a{.}b[dot]c'), 'http://a.b.c');
    assert.equal(refang('artichoc[.]cc'), 'artichoc.cc');
    assert.equal(refang('user[@]mail[.]example'), 'user@mail.example');
  });

  it('leaves fanged text and look-alikes alone', () => {
    assert.equal(refang('https://example.com/a[1]'), 'https://example.com/a[1]');
    assert.equal(refang('hxxpfoo'), 'hxxpfoo');
    assert.equal(refang('7,704 Facebook accounts'), '7,704 Facebook accounts');
  });
});
