// Markdown import: headings, quotes, images with captions, lists and links become the article's structure;
// inline markup goes, the words stay.
import { describe, expect, it } from 'vitest';
import { structureMarkdown } from '../../../src/core/import';
import { ArticleContent } from '../../../src/core/article/model';

const P1 =
  'أعلنت وزارة الطاقة أمس عن **خطة جديدة** لخفض استهلاك الكهرباء في المباني الحكومية بنسبة عشرين في المئة.';
const P1_TEXT =
  'أعلنت وزارة الطاقة أمس عن خطة جديدة لخفض استهلاك الكهرباء في المباني الحكومية بنسبة عشرين في المئة.';

const DOC = [
  '# الطاقة تطلق خطة لخفض استهلاك الكهرباء',
  '',
  '![ألواح شمسية على سطح مدرسة](images/solar.jpg "ألواح شمسية على سطح مدرسة في عمّان. 3 مارس 2025 - أ ف ب")',
  '',
  'عمّان - رويترز',
  '',
  P1,
  '',
  'وقال المتحدث باسم الوزارة إن الخطة تشمل',
  'تركيب ألواح شمسية على أسطح [المدارس](https://example.com/schools) والمستشفيات.',
  '',
  '## ألواح على أسطح المدارس',
  '',
  '> «لن نتراجع عن هذه الخطة مهما كانت الصعوبات»',
  '> قال الوزير.',
  '',
  'وأشار إلى أن الوزارة ستنشر تقريراً دورياً كل ثلاثة أشهر.',
  '',
  '---',
  '',
  '## اقرأ أيضاً',
  '',
  '- [الأردن يوقع اتفاقية لشراء الغاز](https://example.com/news/1)',
  '- [رابط خطر](javascript:alert(1))',
  '',
  '## الوسوم',
  '',
  'الطاقة، الكهرباء',
].join('\n');

describe('structureMarkdown', () => {
  const { content } = structureMarkdown(DOC);

  it('reads headline, figure and dateline', () => {
    expect(() => ArticleContent.parse(content)).not.toThrow();
    expect(content.headline).toBe('الطاقة تطلق خطة لخفض استهلاك الكهرباء');
    expect(content.figures).toEqual([
      {
        image: null,
        caption: 'ألواح شمسية على سطح مدرسة في عمّان.',
        date: '3 مارس 2025',
        credit: 'أ ف ب',
        photographer: '',
        altText: 'ألواح شمسية على سطح مدرسة',
      },
    ]);
    expect(content.dateline).toEqual({ place: 'عمّان', sources: ['رويترز'] });
  });

  it('joins wrapped lines, strips inline markup and keeps headings and quotes', () => {
    expect(content.body).toEqual([
      { type: 'paragraph', text: P1_TEXT },
      {
        type: 'paragraph',
        text: 'وقال المتحدث باسم الوزارة إن الخطة تشمل تركيب ألواح شمسية على أسطح المدارس والمستشفيات.',
      },
      { type: 'subheading', text: 'ألواح على أسطح المدارس' },
      { type: 'blockquote', text: '«لن نتراجع عن هذه الخطة مهما كانت الصعوبات» قال الوزير.' },
      { type: 'paragraph', text: 'وأشار إلى أن الوزارة ستنشر تقريراً دورياً كل ثلاثة أشهر.' },
    ]);
  });

  it('turns the furniture headings into related stories and tags', () => {
    expect(content.related).toEqual([
      { title: 'الأردن يوقع اتفاقية لشراء الغاز', url: 'https://example.com/news/1' },
      { title: 'رابط خطر', url: null },
    ]);
    expect(content.tags).toEqual(['الطاقة', 'الكهرباء']);
  });

  it('reads setext headings, front matter titles, an image without title followed by its caption, and escapes', () => {
    const md = [
      '---',
      'title: "عنوان من البيانات"',
      'author: أحد',
      '---',
      '![مشهد من المدينة](a.jpg)',
      'مشهد عام للمدينة من أعلى البرج. 5 مايو 2024 - رويترز',
      '',
      'عنوان فرعي',
      '----------',
      '',
      'فقرة فيها نجمة \\* حرفية و`رمز` وعلامة _تأكيد_ في وسطها.',
      '',
      'فقرة <b>بوسم</b> <script>alert(1)</script>أخيرة.',
    ].join('\n');
    const r = structureMarkdown(md);
    expect(r.content.headline).toBe('عنوان من البيانات');
    expect(r.content.figures).toEqual([
      {
        image: null,
        caption: 'مشهد عام للمدينة من أعلى البرج.',
        date: '5 مايو 2024',
        credit: 'رويترز',
        photographer: '',
        altText: 'مشهد من المدينة',
      },
    ]);
    expect(r.content.body).toEqual([
      { type: 'subheading', text: 'عنوان فرعي' },
      { type: 'paragraph', text: 'فقرة فيها نجمة * حرفية ورمز وعلامة تأكيد في وسطها.' },
      { type: 'paragraph', text: 'فقرة بوسم أخيرة.' },
    ]);
    expect(JSON.stringify(r.content)).not.toContain('author');
  });

  it('takes the first line as the headline when the document has no # heading', () => {
    const r = structureMarkdown('عنوان بلا علامة\n\nفقرة أولى من الخبر.\n');
    expect(r.content.headline).toBe('عنوان بلا علامة');
    expect(r.content.body).toEqual([{ type: 'paragraph', text: 'فقرة أولى من الخبر.' }]);
  });
});
