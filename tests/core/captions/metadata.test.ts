// Photo metadata mapping: which of XMP, IIM and EXIF wins, how IIM's UTF-8 read as Latin-1 is repaired, and
// the figure a photo prefills; plus the date reader behind it.
import { describe, expect, it } from 'vitest';
import {
  figureFromMetadata,
  formatDate,
  mapPhotoMetadata,
  parseDate,
  repairUtf8,
} from '../../../src/core/captions';

const latin1 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

describe('photo metadata', () => {
  it('repairs UTF-8 that was read as Latin-1, and leaves real Latin-1 and ASCII alone', () => {
    expect(repairUtf8(latin1('روسيا'))).toBe('روسيا');
    expect(repairUtf8(latin1('© Reuters'))).toBe('© Reuters');
    expect(repairUtf8('Café')).toBe('Café');
    expect(repairUtf8('Reuters')).toBe('Reuters');
    expect(repairUtf8('روسيا')).toBe('روسيا');
  });

  it('prefers XMP, then IIM, then EXIF', () => {
    const m = mapPhotoMetadata({
      dc: { description: { lang: 'x-default', value: 'وصف XMP' }, creator: ['مصور أول', 'مصور ثان'] },
      photoshop: { Credit: 'AFP', DateCreated: '2024-10-23T10:00:00' },
      iptc: {
        Caption: latin1('وصف IIM'),
        Credit: 'Reuters',
        Byline: 'IIM',
        Keywords: [latin1('روسيا'), 'Iran'],
      },
      ifd0: { ImageDescription: 'EXIF', Artist: 'EXIF artist' },
      Iptc4xmpCore: { AltTextAccessibility: { lang: 'x-default', value: 'نص بديل' } },
    });
    expect(m.caption).toBe('وصف XMP');
    expect(m.credit).toBe('AFP');
    expect(m.creator).toBe('مصور أول، مصور ثان');
    expect(m.dateCreated).toBe('2024-10-23');
    expect(m.altText).toBe('نص بديل');
    expect(m.keywords).toEqual(['روسيا', 'Iran']);
    const iimOnly = mapPhotoMetadata({ iptc: { Caption: latin1('وصف IIM'), DateCreated: '20240827' } });
    expect(iimOnly.caption).toBe('وصف IIM');
    expect(iimOnly.dateCreated).toBe('2024-08-27');
    const exifOnly = mapPhotoMetadata({
      ifd0: { ImageDescription: 'EXIF', Artist: 'A' },
      exif: { DateTimeOriginal: new Date('2024-09-03T08:15:00Z') },
    });
    expect([exifOnly.caption, exifOnly.creator, exifOnly.dateCreated]).toEqual(['EXIF', 'A', '2024-09-03']);
    expect(mapPhotoMetadata(undefined).caption).toBe('');
  });

  it('prefers the Arabic entry of a language alternative', () => {
    const m = mapPhotoMetadata({ dc: { description: { 'x-default': 'English', ar: 'عربي' } } });
    expect(m.caption).toBe('عربي');
  });

  it('prefills a figure with the date in the house format', () => {
    const meta = mapPhotoMetadata({
      dc: { description: 'تعليق' },
      photoshop: { Credit: 'رويترز', DateCreated: '2024-08-27' },
    });
    expect(figureFromMetadata(meta, 'h', { dateFormat: 'long', months: 'gregorian' })).toEqual({
      image: 'h',
      caption: 'تعليق',
      credit: 'رويترز',
      photographer: '',
      date: '27 أغسطس 2024',
      altText: '',
    });
  });

  it('reads the ways dates are written, and refuses impossible ones', () => {
    const aug27 = { year: 2024, month: 8, day: 27 };
    for (const s of [
      '27 أغسطس 2024',
      '27 اغسطس 2024',
      '27 آب 2024',
      '٢٧ أغسطس ٢٠٢٤',
      '27/08/2024',
      '2024-08-27',
      '20240827',
      'August 27, 2024',
      '27 Aug 2024',
      '2024:08:27 10:30:00',
    ]) {
      expect(parseDate(s), s).toEqual(aug27);
    }
    expect(parseDate('21 تشرين الأول 2024')).toEqual({ year: 2024, month: 10, day: 21 });
    for (const s of ['', 'أمس', '32/01/2024', '29 فبراير 2023', '2024-13-01'])
      expect(parseDate(s), s).toBeNull();
    expect(parseDate('29 فبراير 2024')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(formatDate(aug27, { dateFormat: 'iso', months: 'gregorian' })).toBe('2024-08-27');
  });
});
