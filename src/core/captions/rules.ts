// Caption rules: what a desk checks in every photo's caption, credit, date and alt text before publication.
// Findings follow the checker's shape (ruleId, severity, message, field, offsets in that field, suggestions),
// with the field named `figures.<n>.<caption|credit|date|altText>`.
import type { ArticleContent, Figure } from '../article/model';
import { normalizeArabic } from '../arabic/normalize';
import { lookupOutlet } from '../import/outlets';
import { tokenize } from '../quotes/tokens';
import { VocabularyMatcher, wordForms } from '../tags/match';
import { peopleAfterTitles } from '../tags/names';
import { starterVocabulary, type VocabularyEntry } from '../tags/vocabulary';
import { formatDate, parseDate } from './dates';
import { CaptionStyle, type CaptionStyleInput } from './style';

export type FigureField = 'caption' | 'credit' | 'date' | 'altText';
export type CaptionFindingField = `figures.${number}.${FigureField}`;

export type CaptionRuleId =
  | 'caption.missing'
  | 'caption.credit-missing'
  | 'caption.credit-format'
  | 'caption.credit-punctuation'
  | 'caption.agency-latin'
  | 'caption.date-format'
  | 'caption.date-unreadable'
  | 'caption.repeated'
  | 'caption.same-as-alt'
  | 'caption.person-not-in-article'
  | 'caption.too-long'
  | 'caption.alt-missing';

export type CaptionFinding = {
  ruleId: CaptionRuleId;
  category: 'captions';
  severity: 'error' | 'warning' | 'info';
  /** In the style's language; `messages` has both. */
  message: string;
  messages: { ar: string; en: string };
  field: CaptionFindingField;
  figure: number;
  /** UTF-16 offsets in the field's text; 0–0 for something missing. */
  from: number;
  to: number;
  text: string;
  suggestions: string[];
};

export type CaptionCheckOptions = {
  /** People and organisations to recognise in captions; the shipped starter vocabulary by default. */
  vocabulary?: readonly VocabularyEntry[];
};

const ARABIC = /\p{Script=Arabic}/u;
const DASHES = '\\-\u2013\u2014';

let starterPeople: VocabularyMatcher | null = null;

function peopleMatcher(vocabulary?: readonly VocabularyEntry[]): VocabularyMatcher {
  if (vocabulary) return new VocabularyMatcher(vocabulary.filter((e) => e.type !== 'topic'));
  starterPeople ??= new VocabularyMatcher(starterVocabulary().filter((e) => e.type !== 'topic'));
  return starterPeople;
}

/** Comparison form of a whole text: folded, punctuation and spacing ignored. */
function flat(s: string): string {
  return tokenize(s)
    .map((t) => t.key)
    .join(' ');
}

type Inline = { from: number; to: number; name: string; format: 'dash' | 'parentheses' };

/** A credit written at the end of the caption (`… - رويترز`, `… (رويترز)`), when it names an agency or the credit. */
function inlineCredit(caption: string, credit: string): Inline | null {
  const trimmed = caption.replace(/[\s.]+$/u, '');
  const paren = /\s*\(([^()]{2,40})\)$/u.exec(trimmed);
  const dash = new RegExp(`\\s+[${DASHES}]\\s*([^${DASHES}()]{2,40})$`, 'u').exec(trimmed);
  const hit = paren ?? dash;
  if (!hit) return null;
  const name = hit[1]!.trim();
  const isCredit = (credit && flat(credit) === flat(name)) || lookupOutlet(name) !== null;
  if (!isCredit) return null;
  return { from: hit.index, to: trimmed.length, name, format: paren ? 'parentheses' : 'dash' };
}

/** Agency names written in Latin script inside `text`, with the Arabic name the house style wants. */
function latinAgencies(text: string): { from: number; to: number; name: string; arabic: string }[] {
  const out: { from: number; to: number; name: string; arabic: string }[] = [];
  for (const m of text.matchAll(/[A-Za-z][A-Za-z.&' ]*[A-Za-z.]|[A-Za-z]/g)) {
    const run = m[0].replace(/[\s.]+$/, '');
    const tryName = (name: string, at: number): boolean => {
      const outlet = lookupOutlet(name);
      if (!outlet || !ARABIC.test(outlet.name)) return false;
      out.push({ from: at, to: at + name.length, name, arabic: outlet.name });
      return true;
    };
    if (tryName(run, m.index)) continue;
    // A run with several words (Reuters Maxim Shemetov): try each word.
    for (const w of run.matchAll(/[A-Za-z.&']+/g)) tryName(w[0].replace(/\.+$/, ''), m.index + w.index);
  }
  return out;
}

function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}\p{M}\u0640]+/gu) ?? []).length;
}

/** Checks every figure of an article against the house style. */
export function checkCaptions(
  content: ArticleContent,
  styleInput: CaptionStyleInput = {},
  options: CaptionCheckOptions = {},
): CaptionFinding[] {
  const style = CaptionStyle.parse(styleInput);
  const out: CaptionFinding[] = [];
  const articleText = [content.headline, content.standfirst ?? '', ...content.body.map((b) => b.text)];
  const articleFlat = articleText.map(flat);
  const articleForms = new Set(articleText.flatMap((t) => tokenize(t).flatMap((x) => wordForms(x.key))));
  const matcher = peopleMatcher(options.vocabulary);

  content.figures.forEach((fig, n) => {
    const add = (
      ruleId: CaptionRuleId,
      severity: CaptionFinding['severity'],
      field: FigureField,
      span: { from: number; to: number },
      messages: { ar: string; en: string },
      suggestions: string[] = [],
    ): void => {
      const value = fig[field];
      out.push({
        ruleId,
        category: 'captions',
        severity,
        message: messages[style.language],
        messages,
        field: `figures.${n}.${field}`,
        figure: n,
        from: span.from,
        to: span.to,
        text: value.slice(span.from, span.to),
        suggestions,
      });
    };
    const none = { from: 0, to: 0 };
    const whole = (field: FigureField): { from: number; to: number } => ({ from: 0, to: fig[field].length });
    const caption = fig.caption;
    const arabicContext = ARABIC.test(caption) || (!caption.trim() && ARABIC.test(content.headline));

    if (!caption.trim()) {
      add('caption.missing', 'warning', 'caption', none, {
        ar: 'الصورة بلا تعليق.',
        en: 'The photo has no caption.',
      });
    }

    const inline = inlineCredit(caption, fig.credit);
    if (!fig.credit.trim() && !inline) {
      add('caption.credit-missing', 'warning', 'credit', none, {
        ar: 'لا مصدر للصورة: اذكر الوكالة أو المصور.',
        en: 'The photo has no credit: name the agency or the photographer.',
      });
    }
    if (inline && inline.format !== style.creditFormat) {
      const latin = style.agencyNames === 'arabic' ? lookupOutlet(inline.name) : null;
      const name = latin && ARABIC.test(latin.name) ? latin.name : inline.name;
      const wanted = style.creditFormat === 'dash' ? ` - ${name}` : ` (${name})`;
      add(
        'caption.credit-format',
        'warning',
        'caption',
        inline,
        {
          ar: `يُكتب المصدر في آخر التعليق بصيغة «${wanted.trim()}» وفق أسلوب التحرير.`,
          en: `House style writes the credit at the end of a caption as “${wanted.trim()}”.`,
        },
        [wanted],
      );
    }
    const bare = fig.credit.replace(new RegExp(`^[\\s${DASHES}(]+|[\\s${DASHES}).،,]+$`, 'gu'), '');
    if (fig.credit.trim() && bare !== fig.credit && bare) {
      add(
        'caption.credit-punctuation',
        'info',
        'credit',
        whole('credit'),
        {
          ar: 'حقل المصدر يحمل الاسم وحده، بلا شرطة ولا أقواس.',
          en: 'The credit field holds the name alone, without dashes or brackets.',
        },
        [bare],
      );
    }

    if (style.agencyNames === 'arabic' && arabicContext) {
      for (const field of ['credit', 'caption'] as const) {
        for (const a of latinAgencies(fig[field])) {
          add(
            'caption.agency-latin',
            'warning',
            field,
            a,
            {
              ar: `اسم الوكالة بالحروف اللاتينية في تعليق عربي: اكتب «${a.arabic}».`,
              en: `Agency name in Latin script in an Arabic caption: write “${a.arabic}”.`,
            },
            [a.arabic],
          );
        }
      }
    }

    if (fig.date.trim()) {
      const d = parseDate(fig.date);
      if (!d) {
        add('caption.date-unreadable', 'warning', 'date', whole('date'), {
          ar: 'تاريخ الصورة غير مفهوم: اكتبه يوماً وشهراً وسنة.',
          en: 'The photo date cannot be read: write it as day, month and year.',
        });
      } else {
        const wanted = formatDate(d, style);
        if (wanted !== fig.date.trim()) {
          add(
            'caption.date-format',
            'info',
            'date',
            whole('date'),
            {
              ar: `يُكتب التاريخ «${wanted}» وفق أسلوب التحرير.`,
              en: `House style writes the date as “${wanted}”.`,
            },
            [wanted],
          );
        }
      }
    }

    const cf = flat(caption);
    if (cf && cf.split(' ').length >= 4) {
      const earlier = content.figures.slice(0, n).some((f: Figure) => flat(f.caption) === cf);
      const inBody = articleFlat.some((t) => t.includes(cf));
      if (earlier || inBody) {
        add('caption.repeated', 'warning', 'caption', whole('caption'), {
          ar: earlier ? 'التعليق مكرر في صورة أخرى من المقال.' : 'التعليق مكرر في نص المقال.',
          en: earlier
            ? 'The caption repeats another photo’s caption.'
            : 'The caption repeats text of the article.',
        });
      }
      if (flat(fig.altText) === cf) {
        add('caption.same-as-alt', 'warning', 'altText', whole('altText'), {
          ar: 'النص البديل يكرر التعليق: صِف ما في الصورة لمن لا يراها.',
          en: 'The alt text repeats the caption: describe what the photo shows for readers who cannot see it.',
        });
      }
    }

    // People the caption names (after a title, or known to the vocabulary) whom the article never mentions.
    const seen = new Set<string>();
    const people = [
      ...peopleAfterTitles(caption, (k) => matcher.namesNonPerson(k)).map((p) => ({
        ...p,
        family: p.keys[p.keys.length - 1]!,
      })),
      ...matcher
        .find(caption)
        .filter((m) => m.entry.type === 'person')
        .map((m) => {
          const keys = tokenize(caption.slice(m.from, m.to)).map((t) => t.key);
          return {
            name: caption.slice(m.from, m.to),
            from: m.from,
            to: m.to,
            keys,
            family: keys[keys.length - 1]!,
          };
        }),
    ];
    for (const p of people) {
      const key = normalizeArabic(p.family);
      if (
        seen.has(key) ||
        people.some((q) => q !== p && q.from <= p.from && q.to >= p.to && q.to - q.from > p.to - p.from)
      )
        continue;
      seen.add(key);
      const mentioned = wordForms(p.family).some((f) => articleForms.has(f));
      if (!mentioned) {
        add('caption.person-not-in-article', 'info', 'caption', p, {
          ar: `التعليق يذكر «${p.name}» ولا يرد ذكره في المقال: تحقّق من الاسم ومن أن الصورة تخص الخبر.`,
          en: `The caption names “${p.name}”, who appears nowhere in the article: check the name and that the photo belongs to the story.`,
        });
      }
    }

    const words = wordCount(caption);
    if (words > style.maxCaptionWords) {
      add('caption.too-long', 'info', 'caption', whole('caption'), {
        ar: `التعليق طويل (${words} كلمة، والحد ${style.maxCaptionWords}).`,
        en: `The caption is long (${words} words; the limit is ${style.maxCaptionWords}).`,
      });
    }

    if (style.requireAltText && !fig.altText.trim()) {
      add('caption.alt-missing', 'warning', 'altText', none, {
        ar: 'لا نص بديلاً للصورة: صِف ما فيها لمن لا يراها.',
        en: 'The photo has no alt text: describe it for readers who cannot see it.',
      });
    }
  });
  return out;
}
