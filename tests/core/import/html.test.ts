// HTML import: a realistic saved news page gives the article and nothing of the page around it; hostile HTML
// gives text only (no script, no handler, no hidden text, no dangerous link survives anywhere in the result).
import { describe, expect, it } from 'vitest';
import { structureHtml } from '../../../src/core/import';
import { ArticleContent } from '../../../src/core/article/model';

const SAVED_PAGE = `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <title>لافروف: روسيا وإيران توقعان اتفاقية الشراكة قريباً | الشرق</title>
  <meta property="og:title" content="لافروف: روسيا وإيران توقعان اتفاقية الشراكة قريباً">
  <style>.article { color: #111 } body::after { content: "نص من الأنماط" }</style>
  <script>window.dataLayer = [{ page: "سكربت التتبع" }];</script>
  <script type="application/ld+json">{"headline": "بيانات منظمة"}</script>
</head>
<body>
  <header class="site-header"><a href="/">الشرق</a>
    <nav><ul><li><a href="/politics">سياسة</a></li><li><a href="/economy">اقتصاد</a></li></ul></nav>
    <form action="/search"><input name="q" placeholder="ابحث"><button>بحث</button></form>
  </header>
  <div class="breadcrumbs"><a href="/">الرئيسية</a> › <a href="/politics">سياسة</a></div>
  <main>
    <article class="article">
      <header>
        <span class="kicker">سياسة</span>
        <h1>لافروف: روسيا وإيران توقعان اتفاقية الشراكة الاستراتيجية الشاملة قريباً</h1>
        <p class="standfirst">وزير الخارجية الروسي يقول إن المعاهدة في مراحلها الأخيرة</p>
        <div class="share-buttons"><a href="https://facebook.com/share">فيسبوك</a><a href="javascript:void(0)">نسخ الرابط</a></div>
      </header>
      <figure>
        <img src="/img/lavrov.jpg" alt="وزير الخارجية الروسي سيرجي لافروف في موسكو" onerror="alert(1)">
        <figcaption>وزير الخارجية الروسي سيرجي لافروف يحضر مؤتمراً صحافياً في موسكو بروسيا. 27 أغسطس 2024 - Reuters</figcaption>
      </figure>
      <p>دبي-الشرقرويترز</p>
      <p>أعلن وزير الخارجية الروسي سيرجي لافروف&nbsp;أن اتفاقية الشراكة الاستراتيجية الشاملة بين روسيا وإيران
        سيتم الانتهاء منها في المستقبل القريب، حسبما ذكرت وكالة &quot;تاس&quot; الروسية.</p>
      <!-- إعلان: لا يظهر -->
      <div class="ad-slot advert"><p>إعلان ممول من شركة</p></div>
      <p>وقال لافروف، خلال الجلسة العامة للمؤتمر، أن "التوقيع المرتقب على المعاهدة من شأنه أن يعزز العلاقات"&#46;</p>
      <h2>اجتماع مرتقب</h2>
      <blockquote><p>«تم التوصل إلى مثل هذا الاتفاق من أجل عدم التوقيع على هذه الوثيقة المهمة على عجل».</p></blockquote>
      <p>وتعزز روسيا العلاقات مع إيران وكوريا الشمالية <a href="https://example.com/a">منذ غزوها أوكرانيا</a>.</p>
      <iframe src="https://www.youtube.com/embed/x">فيديو مضمن</iframe>
      <div class="tags"><span>تصنيفات</span><a href="/tag/russia">روسيا</a><a href="/tag/iran">إيران</a></div>
      <section class="related">
        <h3>قصص قد تهمك</h3>
        <ul>
          <li><a href="https://asharq.example/news/1">بوتين يستقبل بزشكيان في موسكو</a></li>
          <li><a href="javascript:alert(1)">قمة البريكس في قازان</a></li>
        </ul>
      </section>
    </article>
    <aside><h3>الأكثر قراءة</h3><p>خبر جانبي لا علاقة له بالمقال</p></aside>
  </main>
  <footer><p>جميع الحقوق محفوظة</p></footer>
  <script>document.write("نص مكتوب بسكربت")</script>
</body>
</html>`;

describe('structureHtml on a saved news page', () => {
  const { content, warnings } = structureHtml(SAVED_PAGE);
  const json = JSON.stringify(content);

  it('produces a valid article with headline, standfirst and figure', () => {
    expect(() => ArticleContent.parse(content)).not.toThrow();
    expect(content.headline).toBe('لافروف: روسيا وإيران توقعان اتفاقية الشراكة الاستراتيجية الشاملة قريباً');
    expect(content.standfirst).toBe('وزير الخارجية الروسي يقول إن المعاهدة في مراحلها الأخيرة');
    expect(content.figures).toEqual([
      {
        image: null,
        caption: 'وزير الخارجية الروسي سيرجي لافروف يحضر مؤتمراً صحافياً في موسكو بروسيا.',
        date: '27 أغسطس 2024',
        credit: 'Reuters',
        photographer: '',
        altText: 'وزير الخارجية الروسي سيرجي لافروف في موسكو',
      },
    ]);
  });

  it('reads the dateline, body, sub-heading and quote; entities decoded, no-break space kept', () => {
    expect(content.dateline).toEqual({ place: 'دبي', sources: ['الشرق', 'رويترز'] });
    expect(warnings.map((w) => w.code)).toContain('dateline_glued');
    expect(content.body.map((b) => b.type)).toEqual([
      'paragraph',
      'paragraph',
      'subheading',
      'blockquote',
      'paragraph',
    ]);
    expect(content.body[0]!.text).toBe(
      'أعلن وزير الخارجية الروسي سيرجي لافروف\u00a0أن اتفاقية الشراكة الاستراتيجية الشاملة بين روسيا وإيران سيتم الانتهاء منها في المستقبل القريب، حسبما ذكرت وكالة "تاس" الروسية.',
    );
    expect(content.body[1]!.text.endsWith('أن يعزز العلاقات".')).toBe(true);
    expect(content.body[2]!.text).toBe('اجتماع مرتقب');
    expect(content.body[4]!.text).toBe('وتعزز روسيا العلاقات مع إيران وكوريا الشمالية منذ غزوها أوكرانيا.');
  });

  it('turns the tag list and related stories into tags and related, with web links only', () => {
    expect(content.tags).toEqual(['روسيا', 'إيران']);
    expect(content.related).toEqual([
      { title: 'بوتين يستقبل بزشكيان في موسكو', url: 'https://asharq.example/news/1' },
      { title: 'قمة البريكس في قازان', url: null },
    ]);
  });

  it('leaves out everything around the article and everything executable', () => {
    for (const gone of [
      'سكربت التتبع',
      'بيانات منظمة',
      'نص من الأنماط',
      'ابحث',
      'بحث',
      'الرئيسية',
      'فيسبوك',
      'نسخ الرابط',
      'إعلان',
      'فيديو مضمن',
      'خبر جانبي',
      'جميع الحقوق',
      'نص مكتوب بسكربت',
      'alert',
      'javascript',
      'onerror',
      '<',
      'سياسة',
    ]) {
      expect(json).not.toContain(gone);
    }
  });
});

describe('structureHtml on hostile and odd input', () => {
  const hostile: [string, string][] = [
    ['script', '<p>نص آمن</p><script>alert("x")</script><p>نص ثان آمن</p>'],
    ['event handlers', '<p onclick="alert(1)">نص آمن</p><img src=x onerror=alert(1)><p>نص ثان آمن</p>'],
    [
      'svg and math',
      '<p>نص آمن</p><svg><script>alert(1)</script><text>svg</text></svg><math><mi>x</mi></math><p>نص ثان آمن</p>',
    ],
    [
      'style and link',
      '<style>@import "x.css"</style><link rel=stylesheet href=x><p>نص آمن</p><p>نص ثان آمن</p>',
    ],
    [
      'comments and CDATA',
      '<p>نص آمن<!-- <script>alert(1)</script> --></p><![CDATA[alert(1)]]><p>نص ثان آمن</p>',
    ],
    [
      'hidden text',
      '<p>نص آمن</p><p hidden>alert</p><p style="display:none">alert</p><p aria-hidden="true">alert</p><p>نص ثان آمن</p>',
    ],
    [
      'forms and frames',
      '<p>نص آمن</p><form><textarea>alert</textarea><select><option>alert</option></select></form><iframe srcdoc="<script>alert(1)</script>"></iframe><p>نص ثان آمن</p>',
    ],
    ['unclosed and broken tags', '<p>نص آمن<div><b>نص ثان آمن<script>alert(1)'],
    [
      'javascript links',
      '<p><a href="javascript:alert(1)">نص آمن</a></p><p><a href="data:text/html,alert">نص ثان آمن</a></p>',
    ],
    [
      'noscript and template',
      '<p>نص آمن</p><noscript>alert</noscript><template><p>alert</p></template><p>نص ثان آمن</p>',
    ],
  ];
  for (const [name, html] of hostile) {
    it(`keeps text only: ${name}`, () => {
      const { content } = structureHtml(html);
      const json = JSON.stringify(content);
      expect(json).not.toMatch(/alert|<|javascript|onerror|onclick|data:/);
      expect(content.headline).toBe('نص آمن');
      expect(json).toContain('نص ثان آمن');
    });
  }

  it('decodes entities once and keeps escaped markup as the literal text it is', () => {
    const { content } = structureHtml(
      '<h1>العنوان</h1><p>الشرط: 5 &lt; 6 &amp;&amp; &quot;نص&quot; &#x627;&#1604;</p>',
    );
    expect(content.body[0]!.text).toBe('الشرط: 5 < 6 && "نص" ال');
  });

  it('survives very deep nesting', () => {
    const depth = 20000;
    const html = `<h1>عنوان</h1>${'<div>'.repeat(depth)}<p>نص عميق في الصفحة</p>${'</div>'.repeat(depth)}`;
    const { content } = structureHtml(html);
    expect(content.headline).toBe('عنوان');
    expect(content.body.map((b) => b.text)).toEqual(['نص عميق في الصفحة']);
  });

  it('survives thousands of nested articles and links, and a document made of furniture markers', () => {
    const n = 5000;
    const articles = `<h1>عنوان</h1>${'<article><p>فقرة</p>'.repeat(n)}${'</article>'.repeat(n)}`;
    expect(structureHtml(articles).content.body.length).toBe(n);
    const links = `<h1>عنوان</h1><p>${'<a href="https://example.com/x">رابط '.repeat(n)}${'</a>'.repeat(n)}</p>`;
    expect(structureHtml(links).content.body).toHaveLength(1);
    const markers = `<h1>عنوان</h1>${'<p>شارك</p><p>وسم</p>'.repeat(n)}<p>${'نص طويل '.repeat(30)}.</p>`;
    expect(structureHtml(markers).content.body.length).toBeGreaterThan(0);
  });

  it('finds the body of a page without <article> or <main> by its paragraphs, and says so', () => {
    const html = `<html><head><title>خبر مهم | موقع</title></head><body>
      <div id="menu"><a href="/">الرئيسية</a> <a href="/a">أخبار</a></div>
      <div id="content"><p>الفقرة الأولى من الخبر وهي طويلة بما يكفي لتكون متن المقال.</p>
      <p>الفقرة الثانية من الخبر تتابع التفاصيل وتضيف معلومات جديدة.</p></div>
      <div id="bottom"><p>حقوق</p></div></body></html>`;
    const r = structureHtml(html);
    expect(r.content.headline).toBe('خبر مهم | موقع');
    expect(r.content.body.map((b) => b.text)).toEqual([
      'الفقرة الأولى من الخبر وهي طويلة بما يكفي لتكون متن المقال.',
      'الفقرة الثانية من الخبر تتابع التفاصيل وتضيف معلومات جديدة.',
    ]);
    expect(r.warnings.map((w) => w.code)).toContain('html_body_guessed');
  });

  it('splits pasted HTML on <br> and reads a bold short paragraph as a sub-heading', () => {
    const long = 'هذه فقرة طويلة من نص الخبر تحتوي على عدد كاف من الكلمات لتعد فقرة كاملة.';
    const html = `<div><p><b>عنوان الخبر</b></p><p>${long}<br>${long}</p><p><strong>عنوان فرعي</strong></p><p>${long}</p></div>`;
    const { content } = structureHtml(html);
    expect(content.headline).toBe('عنوان الخبر');
    expect(content.body.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'subheading', 'paragraph']);
  });

  it('takes an “اقرأ أيضاً” link inside the story as a related story with its URL', () => {
    const long = 'هذه فقرة طويلة من نص الخبر تحتوي على عدد كاف من الكلمات لتعد فقرة كاملة.';
    const html = `<article><h1>عنوان</h1><p>${long}</p><p>اقرأ أيضاً: <a href="https://example.com/n/7">الأردن يوقع اتفاقية الغاز</a></p><p>${long}</p></article>`;
    const { content } = structureHtml(html);
    expect(content.related).toEqual([{ title: 'الأردن يوقع اتفاقية الغاز', url: 'https://example.com/n/7' }]);
    expect(content.body.map((b) => b.text)).toEqual([long, long]);
  });

  it('gives an empty result, not an error, for markup without text', () => {
    const r = structureHtml('<script>alert(1)</script><img src=x>');
    expect(r.content.headline).toBe('');
    expect(r.warnings.map((w) => w.code)).toContain('empty');
  });
});
