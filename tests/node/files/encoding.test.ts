// Encoding detection measured on real text: the seed and 200 corpus articles, each written out in every
// encoding the importer accepts; the decoded text must equal what was encoded, byte for byte.
import { describe, expect, it } from 'vitest';
import { decodeText, type TextEncoding } from '../../../src/node/files/encoding';
import { AppError } from '../../../src/core/ipc/contract';
import { corpusText, readCorpus, readSeed } from '../../core/import/sharedMaterial';
import { encodeSingleByte, encodeUtf16, encodeUtf8 } from './encodeFixtures';

type Variant = {
  name: string;
  encoding: TextEncoding;
  bom: boolean;
  make: (t: string) => { bytes: Uint8Array; text: string };
};

const VARIANTS: Variant[] = [
  { name: 'UTF-8', encoding: 'utf-8', bom: false, make: (t) => ({ bytes: encodeUtf8(t, false), text: t }) },
  {
    name: 'UTF-8 with BOM',
    encoding: 'utf-8',
    bom: true,
    make: (t) => ({ bytes: encodeUtf8(t, true), text: t }),
  },
  {
    name: 'UTF-16 LE with BOM',
    encoding: 'utf-16le',
    bom: true,
    make: (t) => ({ bytes: encodeUtf16(t, 'le', true), text: t }),
  },
  {
    name: 'UTF-16 BE with BOM',
    encoding: 'utf-16be',
    bom: true,
    make: (t) => ({ bytes: encodeUtf16(t, 'be', true), text: t }),
  },
  {
    name: 'UTF-16 LE without BOM',
    encoding: 'utf-16le',
    bom: false,
    make: (t) => ({ bytes: encodeUtf16(t, 'le', false), text: t }),
  },
  {
    name: 'UTF-16 BE without BOM',
    encoding: 'utf-16be',
    bom: false,
    make: (t) => ({ bytes: encodeUtf16(t, 'be', false), text: t }),
  },
  {
    name: 'Windows-1256',
    encoding: 'windows-1256',
    bom: false,
    make: (t) => {
      const e = encodeSingleByte(t, 'windows-1256');
      return { bytes: e.bytes, text: e.representable };
    },
  },
  {
    name: 'ISO-8859-6',
    encoding: 'iso-8859-6',
    bom: false,
    make: (t) => {
      const e = encodeSingleByte(t, 'iso-8859-6');
      return { bytes: e.bytes, text: e.representable };
    },
  },
];

describe('decodeText', () => {
  const seed = readSeed();
  const sample = readCorpus()
    .filter((a) => /\p{L}/u.test(a.content))
    .filter((_, i) => i % 12 === 0)
    .slice(0, 200);

  it('has a sample of 200 real articles', () => {
    expect(sample).toHaveLength(200);
  });

  for (const v of VARIANTS) {
    it(`detects ${v.name}: the seed exactly, and at least 98% of 200 corpus articles`, () => {
      const s = v.make(seed);
      expect(decodeText(s.bytes, 'seed.txt')).toEqual({ text: s.text, encoding: v.encoding, bom: v.bom });
      let correct = 0;
      for (const a of sample) {
        const e = v.make(corpusText(a));
        const d = decodeText(e.bytes, 'article.txt');
        if (d.encoding === v.encoding && d.text === e.text) correct++;
      }
      expect(correct / sample.length).toBeGreaterThanOrEqual(0.98);
    });
  }

  it('tells the two Arabic code pages apart even on headlines alone (short text)', () => {
    let correct = 0;
    for (const a of sample) {
      for (const label of ['windows-1256', 'iso-8859-6'] as const) {
        const e = encodeSingleByte(a.title, label);
        const d = decodeText(e.bytes, 'title.txt');
        if (d.encoding === label && d.text === e.representable) correct++;
      }
    }
    expect(correct / (sample.length * 2)).toBeGreaterThanOrEqual(0.95);
  });

  const refused: [string, Uint8Array][] = [
    [
      'NUL bytes in text',
      new Uint8Array([...encodeUtf8('نص عربي', false), 0, 0, ...encodeUtf8('ثم نص', false)]),
    ],
    [
      'a PNG image',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    ],
    ['control characters', Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41))],
    ['a broken UTF-8 BOM file', Uint8Array.from([0xef, 0xbb, 0xbf, 0xd8, 0x41, 0xc3, 0x28])],
    [
      'random bytes',
      (() => {
        let x = 12345;
        return Uint8Array.from({ length: 4096 }, () => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24));
      })(),
    ],
  ];
  for (const [name, bytes] of refused) {
    it(`refuses ${name} as undecodable`, () => {
      let error: unknown;
      try {
        decodeText(bytes, 'bad.txt');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('undecodable');
      expect((error as AppError).message).toContain('bad.txt');
    });
  }

  it('accepts plain ASCII and a few stray control characters in real text', () => {
    expect(decodeText(encodeUtf8('Reuters\tAFP\r\n', false), 'x.txt').encoding).toBe('utf-8');
    const withStray = `${seed.slice(0, 2000)}\u0007${seed.slice(2000)}`;
    expect(decodeText(encodeUtf8(withStray, false), 'x.txt').text).toBe(withStray);
  });
});
