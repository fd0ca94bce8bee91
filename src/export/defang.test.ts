import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { defangDomain, defangUrl } from './defang.js';

describe('defangUrl / defangDomain', () => {
  it('defangs the scheme and the host dots only', () => {
    assert.equal(
      defangUrl('https://news.example.com/a.html?x=1.2'),
      'hxxps://news[.]example[.]com/a.html?x=1.2',
    );
    assert.equal(defangUrl('http://ca.pinterest.com/pin/1'), 'hxxp://ca[.]pinterest[.]com/pin/1');
    assert.equal(defangUrl('ftp://files.example/x.zip'), 'ftp://files[.]example/x.zip');
  });

  it('defangs bare hosts and domains', () => {
    assert.equal(defangUrl('www.evil.example/path.php'), 'www[.]evil[.]example/path.php');
    assert.equal(defangUrl('evil.example'), 'evil[.]example');
    assert.equal(defangDomain('a.b.co.uk'), 'a[.]b[.]co[.]uk');
  });
});
