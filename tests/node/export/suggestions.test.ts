// Exports carry the approved text only: a tracked change nobody accepted is left out of every format.
import { afterAll, describe, expect, it } from 'vitest';
import { importDocument, saveRevision, showArticle } from '../../../src/node/services';
import { prepareExport } from '../../../src/node/services/export';
import { setRole } from '../../../src/node/services/workflow';
import { openDatabase } from '../../../src/node/store/db';
import { seedBytes, tempDir } from '../store/testFiles';

const tmp = tempDir('tadqiq-export-suggestions-');
afterAll(() => tmp.cleanup());

describe('export with pending suggestions', () => {
  it('leaves out a pending insertion and keeps a pending deletion, in the body and the headline', async () => {
    const db = openDatabase(tmp.file('s.db'));
    const EDITOR = 'هالة';
    setRole(db, { role: 'editor', name: EDITOR });
    const out = await importDocument(db, { bytes: seedBytes(), fileName: 'seed.txt' }, { author: EDITOR });
    if (out.kind !== 'imported') throw new Error('seed not imported');
    const { article } = showArticle(db, out.id);
    const { id: _id, status: _s, suggestedTags: _t, warnings: _w, ...content } = article;
    const para = content.body[1]!.text;
    const at = para.indexOf('أن "');
    const at2 = '2026-11-29T10:00:00.000Z';
    content.body[1] = {
      ...content.body[1]!,
      // «إن» suggested in front of «أن», and «أن» suggested for deletion: neither accepted yet.
      text: para.slice(0, at) + 'إنّ' + para.slice(at),
      marks: [
        { type: 'insertion', from: at, to: at + 3, attrs: { author: 'ليلى', at: at2 } },
        { type: 'deletion', from: at + 3, to: at + 5, attrs: { author: 'ليلى', at: at2 } },
      ],
    };
    // In the headline, «الشاملة» suggested for insertion after «الاستراتيجية»: not accepted either.
    const end = content.headline.indexOf(' قريباً');
    content.headline = content.headline.slice(0, end) + ' الشاملة' + content.headline.slice(end);
    content.headlineMarks = [
      { type: 'insertion', from: end, to: end + 8, attrs: { author: 'ليلى', at: at2 } },
    ];
    saveRevision(db, { id: out.id, content, reason: 'manual', author: EDITOR });
    expect(showArticle(db, out.id).article.headlineMarks).toEqual(content.headlineMarks);

    const p = await prepareExport(db, {
      id: out.id,
      format: 'txt',
      override: 'اختبار التصدير',
      author: EDITOR,
    });
    const text = new TextDecoder().decode(p.bytes);
    expect(text).toContain('في مينسك، أن "التوقيع');
    expect(text).not.toContain('إنّ');
    expect(text.split('\n')[0]).toBe(article.headline);
    db.close();
  });
});
