// Hostile content in real Chromium against the real services. XSS payloads arrive through every door a
// newsroom has — a paste in the library, an HTML file, a DOCX file, a source, a comment, a custom checker
// rule's message — and every article is opened with its panels. A trap counts any execution (alert, confirm,
// prompt, eval, Function, CSP violations, error events): it must stay at zero, and neither the document nor
// the exported HTML and fact-check report may hold an unsafe link (javascript:, data: other than images) or
// an event-handler attribute. Also here: the same article in two windows, where a conflict is shown and no
// update is lost.
import { Document as DocxDocument, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import type { Page } from '@playwright/test';
import { expect, seedPath, test } from './harness';
import { readFileSync } from 'node:fs';

const PAYLOADS: [string, string][] = [
  ['script tag', '<script>alert("script")</script>'],
  ['img onerror', '<img src="x" onerror="alert(\'img\')">'],
  ['svg onload', '<svg onload="alert(\'svg\')"><circle r="5"></circle></svg>'],
  ['javascript: link', '<a href="javascript:alert(\'link\')">انقر هنا</a>'],
  ['entity-encoded javascript: link', '<a href="&#106;avascript&#58;alert(\'enc\')">رابط</a>'],
  ['data:text/html link', '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">رابط بيانات</a>'],
  ['iframe javascript:', '<iframe src="javascript:alert(\'iframe\')"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="&lt;script&gt;parent.alert(\'srcdoc\')&lt;/script&gt;"></iframe>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(\'meta\')">'],
  ['base href', '<base href="javascript:alert(\'base\')//">'],
  [
    'CSS expression and url()',
    '<p style="width:expression(alert(\'css\'));background:url(javascript:alert(1))">نص</p>',
  ],
  [
    'style tag import',
    '<style>@import "javascript:alert(1)";p{background:url("javascript:alert(2)")}</style>',
  ],
  ['template', '<template><img src="x" onerror="alert(\'template\')"></template>'],
  [
    'noscript breakout',
    '<noscript><p title="</noscript><img src=x onerror=alert(\'noscript\')>"></p></noscript>',
  ],
  [
    'object and embed',
    '<object data="javascript:alert(\'object\')"></object><embed src="javascript:alert(1)">',
  ],
  ['form action', '<form action="javascript:alert(\'form\')"><button>أرسل</button></form>'],
  [
    'mXSS math/style',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')></style></mglyph></table></mtext></math>",
  ],
  ['details ontoggle', '<details open ontoggle="alert(\'details\')"><summary>تفاصيل</summary></details>'],
  ['svg xlink', '<svg><a xlink:href="javascript:alert(\'xlink\')"><text x="0" y="15">س</text></a></svg>'],
  ['svg data image', '<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;&lt;/svg&gt;">'],
  ['RTL override spoofing', 'قال المتحدث \u202Etxt.exe\u202C و \u202Egnp.scr\u202C في بيانه'],
];

/** Installed before any page script: counts every way a payload could run. */
function installTrap(): void {
  const w = window as unknown as { __pwned: { count: number; events: string[] } } & Record<string, unknown>;
  w.__pwned = { count: 0, events: [] };
  const hit = (what: string) => {
    // The test's own page.evaluate calls go through eval inside Playwright's injected script: not content.
    if (/UtilityScript|__playwright/.test(new Error().stack ?? '')) return;
    w.__pwned.count++;
    w.__pwned.events.push(what);
  };
  for (const k of ['alert', 'confirm', 'prompt']) {
    w[k] = (...a: unknown[]) => hit(`${k}(${String(a[0]).slice(0, 60)})`);
  }
  const realEval = window.eval;
  w.eval = function (this: unknown, ...a: unknown[]) {
    hit(`eval(${String(a[0]).slice(0, 60)})`);
    return realEval.apply(this, a as [string]);
  };
  // A Function built from code; `new Function('')` with no code is a feature probe (zod) and runs nothing.
  const isProbe = (a: unknown[]) => a.every((x) => String(x).trim() === '');
  w.Function = new Proxy(Function, {
    construct(t, a: unknown[]) {
      if (!isProbe(a)) hit(`new Function(${String(a[a.length - 1]).slice(0, 60)})`);
      return Reflect.construct(t, a) as object;
    },
    apply(t, self, a: unknown[]) {
      if (!isProbe(a)) hit(`Function(${String(a[a.length - 1]).slice(0, 60)})`);
      return Reflect.apply(t, self, a) as unknown;
    },
  });
  window.addEventListener('securitypolicyviolation', (e) => {
    // The same probe, refused by the CSP (no 'unsafe-eval'), reports an eval with an empty sample.
    if (e.blockedURI === 'eval' && !e.sample) return;
    hit(`csp ${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
  });
  window.addEventListener(
    'error',
    (e) => {
      const t = e.target as Element | null;
      hit(`error ${t && t !== (window as unknown) ? (t.tagName ?? '') : ''} ${e.message ?? ''}`.trim());
    },
    true,
  );
}

/** Event-handler attributes and unsafe URLs in a document (and in the srcdoc of its frames). */
function unsafeIn(doc: Document): string[] {
  const bad: string[] = [];
  const URL_ATTRS = [
    'href',
    'src',
    'action',
    'formaction',
    'xlink:href',
    'data',
    'poster',
    'background',
    'srcset',
  ];
  const visit = (d: Document | DocumentFragment, where: string) => {
    for (const el of Array.from(d.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        const name = a.name.toLowerCase();
        // eslint-disable-next-line no-control-regex
        const v = a.value.toLowerCase().replace(/[\u0000-\u0020]/g, '');
        if (name.startsWith('on')) bad.push(`${where}: <${el.tagName.toLowerCase()} ${name}>`);
        if (URL_ATTRS.includes(name)) {
          if (v.startsWith('javascript:') || v.startsWith('vbscript:')) {
            bad.push(`${where}: <${el.tagName.toLowerCase()} ${name}="${a.value.slice(0, 40)}">`);
          }
          const image =
            (el.tagName === 'IMG' && name === 'src' && v.startsWith('data:image/')) ||
            // The app's own empty favicon (no request for /favicon.ico).
            (where === 'app' && el.tagName === 'LINK' && el.getAttribute('rel') === 'icon' && v === 'data:,');
          if (v.startsWith('data:') && !image) {
            bad.push(`${where}: <${el.tagName.toLowerCase()} ${name}="${a.value.slice(0, 40)}">`);
          }
        }
        if (name === 'http-equiv' && v === 'refresh') bad.push(`${where}: <meta refresh>`);
      }
      if (el.tagName === 'SCRIPT' && where !== 'app') bad.push(`${where}: <script>`);
      if (el.tagName === 'BASE') bad.push(`${where}: <base>`);
      if (el.tagName === 'IFRAME' && el.getAttribute('srcdoc')) {
        visit(new DOMParser().parseFromString(el.getAttribute('srcdoc')!, 'text/html'), `${where} frame`);
      }
      if (el.tagName === 'TEMPLATE') visit((el as HTMLTemplateElement).content, `${where} template`);
    }
  };
  visit(doc, 'app');
  return bad;
}

async function pwned(page: Page): Promise<{ count: number; events: string[] }> {
  return page.evaluate(() => (window as unknown as { __pwned: { count: number; events: string[] } }).__pwned);
}

async function unsafeLinks(page: Page): Promise<string[]> {
  return page.evaluate(`(${unsafeIn.toString()})(document)`);
}

function articleHtml(title: string, payload: string): string {
  return [
    '<!doctype html><html><head><title>خبر</title></head><body>',
    `<h1>${title}</h1>`,
    `<p>قال لافروف إن الاتفاقية ستوقع قريباً، ${payload} وأضاف: "نحن مستعدون".</p>`,
    `<p>${payload}</p>`,
    '<p>وقال المتحدث إن الاجتماع سيعقد في موسكو.</p>',
    '</body></html>',
  ].join('\n');
}

async function docxWithPayloads(): Promise<Buffer> {
  const doc = new DocxDocument({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('خبر عدائي من ملف وورد')] }),
          ...PAYLOADS.map(
            ([name, p]) =>
              new Paragraph({
                children: [
                  new TextRun(`قال لافروف (${name}): ${p} `),
                  new ExternalHyperlink({
                    link: `javascript:alert('docx ${name}')`,
                    children: [new TextRun('رابط')],
                  }),
                  new TextRun(' و '),
                  new ExternalHyperlink({
                    link: 'data:text/html,<script>alert(1)</script>',
                    children: [new TextRun('بيانات')],
                  }),
                ],
              }),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

type Invoke = (channel: string, arg: unknown) => Promise<unknown>;

async function must<T>(invoke: Invoke, channel: string, arg: unknown): Promise<T> {
  const r = (await invoke(channel, arg)) as { ok: boolean; value?: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return r.value as T;
}

test('hostile content through every entry point executes nothing and leaves no unsafe link', async ({
  app,
}) => {
  test.setTimeout(900_000);
  const { page } = app;
  const invoke = app.invoke as Invoke;
  await page.addInitScript(installTrap);
  await must(invoke, 'user:set', { name: 'منى المحررة' });
  await must(invoke, 'user:setRole', { role: 'editor' });
  await app.open();
  await expect(page.getByTestId('import-input')).toBeAttached();
  // The trap itself must catch a payload that reaches the DOM (the CSP blocks its handler and reports it).
  await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.id = 'trap-probe';
    probe.innerHTML = '<img src="x" onerror="alert(1)">';
    document.body.append(probe);
  });
  await expect.poll(async () => (await pwned(page)).count).toBeGreaterThan(0);
  await page.evaluate(() => document.getElementById('trap-probe')?.remove());
  await expect.poll(() => app.problems.some((p) => p.includes('Content Security Policy'))).toBe(true);
  const probeProblems = app.problems.length;

  const ids: { id: string; via: string; payload: string }[] = [];
  const entryPoints = new Set<string>();

  // 1. Paste in the library (HTML on the clipboard), as Ctrl+V does.
  for (const [name, payload] of PAYLOADS) {
    await app.open();
    await expect(page.getByTestId('import-input')).toBeAttached();
    await page.evaluate(
      (html) => {
        const dt = new DataTransfer();
        dt.setData('text/html', html);
        dt.setData('text/plain', 'نص');
        window.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
        );
      },
      articleHtml(`خبر ملصوق: ${name}`, payload),
    );
    await expect(page.getByTestId('editor')).toBeVisible();
  }
  entryPoints.add('paste');

  // 2. HTML files, through the import button.
  for (const [name, payload] of PAYLOADS) {
    await app.open();
    await page.getByTestId('import-input').setInputFiles({
      name: `hostile-${PAYLOADS.findIndex((p) => p[0] === name)}.html`,
      mimeType: 'text/html',
      buffer: Buffer.from(articleHtml(`خبر من ملف: ${name}`, payload)),
    });
    await expect(page.getByTestId('editor')).toBeVisible();
  }
  entryPoints.add('HTML import');

  // 3. A DOCX file with every payload as text and javascript:/data: hyperlinks.
  await app.open();
  await page.getByTestId('import-input').setInputFiles({
    name: 'hostile.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await docxWithPayloads(),
  });
  await expect(page.getByTestId('editor')).toBeVisible();
  entryPoints.add('DOCX import');

  const list = await must<{ id: string; headline: string }[]>(invoke, 'library:list', {});
  for (const a of list) ids.push({ id: a.id, via: 'import', payload: a.headline });
  expect(ids.length).toBe(PAYLOADS.length * 2 + 1);

  // 4–6. One article (the seed) carrying every payload as a source, a comment and a custom rule's message.
  const seed = await must<{ kind: string; id: string }>(invoke, 'library:importText', {
    text: readFileSync(seedPath(), 'utf8'),
  });
  const hub = seed.id;
  for (const [i, [name, payload]] of PAYLOADS.entries()) {
    // A source's address must be a web address: javascript: and data: are refused outright.
    const bad = (await invoke('sources:add', {
      title: `مصدر ${name}`,
      text: 'نص',
      url: i % 2 === 0 ? `javascript:alert('source ${i}')` : `data:text/html,<script>alert(${i})</script>`,
    })) as { ok: boolean; error?: { code: string } };
    expect(bad.ok ? 'accepted' : bad.error?.code).toBe('bad_request');
    await must(invoke, 'sources:add', {
      title: `مصدر ${name} ${payload}`,
      text: `قال لافروف: "${payload}" ${articleHtml(name, payload)}`,
      url: `https://example.org/${i}?q=%22%3E%3Cscript%3Ealert(${i})%3C/script%3E`,
      publisher: payload.slice(0, 300),
      articleId: hub,
    });
    await must(invoke, 'comments:add', { id: hub, body: `ملاحظة ${name}: ${payload}` });
  }
  entryPoints.add('sources');
  entryPoints.add('comments');
  const rules = PAYLOADS.map(([name, payload], i) => ({
    id: `hostile.rule-${i}`,
    kind: 'words',
    category: 'style',
    severity: 'warning',
    default: 'on',
    message: { ar: `قاعدة ${name}: ${payload}`, en: `Rule ${name}: ${payload}` },
    words: { ['لافروف']: [`لافروف ${payload}`.slice(0, 200)] },
    clitics: 'none',
    examples: [
      { incorrect: 'قال لافروف', expected: `قال ${`لافروف ${payload}`.slice(0, 200)}` },
      { correct: 'قال الوزير' },
    ],
  }));
  const ruleSet = await invoke('checker:setConfig', { customRules: rules });
  const rulesOk = (ruleSet as { ok: boolean }).ok;
  if (rulesOk) entryPoints.add('custom rule messages');
  else console.log(`[hardening] custom rules refused: ${JSON.stringify(ruleSet).slice(0, 300)}`);
  ids.push({ id: hub, via: 'hub', payload: 'sources, comments, rules' });

  // Open every article with its panels; the hub with every tab, history, workflow, checker and report.
  const problems: string[] = [];
  for (const { id, via } of ids) {
    await app.open();
    await page.locator(`[data-testid="article-row"][data-id="${id}"] button`).first().click();
    await expect(page.getByTestId('editor')).toBeVisible();
    await page.getByTestId('toggle-factcheck').click();
    await expect(page.getByTestId('factcheck-panel')).toBeVisible();
    if (via === 'hub') {
      for (const tab of ['quotes', 'sources', 'comments', 'audit']) {
        await page.getByTestId(`fc-tab-${tab}`).click();
      }
      await page.getByTestId('fc-tab-sources').click();
      await expect(page.getByTestId('source').first()).toBeVisible();
      await page.getByTestId('fc-tab-comments').click();
      await expect(page.getByTestId('comment-body').first()).toBeVisible();
      await page.getByTestId('toggle-history').click();
      await expect(page.getByTestId('history')).toBeVisible();
      await page.getByTestId('toggle-workflow').click();
      await expect(page.getByTestId('workflow-panel')).toBeVisible();
      const checker = page.getByTestId('toggle-checker');
      if (await checker.count()) {
        // Open by default; the toggle would close it.
        if (!(await page.getByTestId('checker-panel').isVisible())) await checker.click();
        await expect(page.getByTestId('checker-panel')).toBeVisible();
        if (rulesOk) {
          // The rule's suggestion and message arrive as text: the markup shows, nothing runs.
          const item = page.getByTestId('checker-item').filter({ hasText: '<script>' }).first();
          await expect(item).toBeVisible();
          await item.click();
          await expect(page.getByTestId('finding-message').first()).toContainText('قاعدة');
        }
      }
      await page.getByTestId('fc-report').click();
      await expect(page.locator('iframe[sandbox]').first()).toBeAttached();
    }
    // Let deferred work (checker, quote decorations, thumbnails) run before reading the trap.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const trap = await pwned(page);
    if (trap.count) problems.push(`${via} ${id}: ${trap.events.join(' | ')}`);
    for (const u of await unsafeLinks(page)) problems.push(`${via} ${id}: ${u}`);
  }

  // Exported HTML (with an editor's override) and the fact-check report, opened in the browser with the trap.
  let exportsChecked = 0;
  for (const { id } of ids) {
    const exported = await must<{ dataBase64: string }>(invoke, 'export:article', {
      id,
      format: 'html',
      override: 'اختبار المحتوى العدائي',
    });
    const report = await must<string>(invoke, 'factcheck:report', { id, format: 'html' });
    for (const [what, html] of [
      ['export', Buffer.from(exported.dataBase64, 'base64').toString('utf8')],
      ['report', report],
    ] as const) {
      await page.goto('about:blank');
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
      const trap = await pwned(page);
      if (trap.count) problems.push(`${what} ${id}: ${trap.events.join(' | ')}`);
      for (const u of await unsafeLinks(page)) problems.push(`${what} ${id}: ${u}`);
      exportsChecked++;
    }
  }
  entryPoints.add('exported HTML');
  entryPoints.add('fact-check report');

  console.log(
    `[hardening] hostile content: ${PAYLOADS.length} payloads × ${entryPoints.size} entry points ` +
      `(${[...entryPoints].join(', ')}) = ${PAYLOADS.length * entryPoints.size}; ` +
      `${ids.length} articles opened, ${exportsChecked} exported documents opened; executions and unsafe links: ${problems.length}`,
  );
  expect(problems).toEqual([]);
  expect(app.problems.slice(probeProblems).filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
});

test('the same article in two windows: the later save is refused, the conflict shown, nothing lost', async ({
  app,
}) => {
  const { page } = app;
  const invoke = app.invoke as Invoke;
  await must(invoke, 'user:set', { name: 'منى المحررة' });
  const seed = await must<{ id: string }>(invoke, 'library:importText', {
    text: readFileSync(seedPath(), 'utf8'),
  });
  await app.open();
  // The second window: another page on the same services and database.
  const other = await page.context().newPage();
  await other.exposeFunction('__tadqiqInvoke', (c: unknown, a: unknown) => app.invoke(c, a));
  await other.addInitScript(() => {
    const w = window as unknown as { tadqiq: unknown; __tadqiqInvoke: (c: unknown, a: unknown) => unknown };
    w.tadqiq = { invoke: (c: unknown, a: unknown) => w.__tadqiqInvoke(c, a), on: () => () => {} };
  });
  await other.goto(page.url());
  for (const p of [page, other]) {
    await p.locator(`[data-testid="article-row"][data-id="${seed.id}"] button`).first().click();
    await expect(p.getByTestId('editor')).toBeVisible();
  }
  const typeAtEnd = async (p: Page, words: string) => {
    await p.getByTestId('editor').locator('p').last().click();
    await p.keyboard.press('End');
    await p.keyboard.type(words);
  };
  await typeAtEnd(page, ' WINDOWONE');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await typeAtEnd(other, ' WINDOWTWO');
  const dialog = other.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  await expect(dialog.getByTestId('conflict-mine')).toHaveValue(/WINDOWTWO/);
  // Nothing of the second window was stored over the first.
  const latest = await must<{ article: { body: { text: string }[] } }>(invoke, 'article:open', {
    id: seed.id,
  });
  const text = latest.article.body.map((b) => b.text).join('\n');
  expect(text).toContain('WINDOWONE');
  expect(text).not.toContain('WINDOWTWO');
  // Reload: the newer text comes in; the author's own text stays in the dialog until it is closed.
  await dialog.getByTestId('conflict-reload').click();
  await expect(other.getByTestId('editor')).toContainText('WINDOWONE');
  await expect(dialog.getByTestId('conflict-mine')).toHaveValue(/WINDOWTWO/);
  await dialog.getByTestId('conflict-close').click();
  // The second window now saves on top of the first one's text.
  await typeAtEnd(other, ' AFTERRELOAD');
  await expect(other.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  const after = await must<{ article: { body: { text: string }[] } }>(invoke, 'article:open', {
    id: seed.id,
  });
  const afterText = after.article.body.map((b) => b.text).join('\n');
  expect(afterText).toContain('WINDOWONE');
  expect(afterText).toContain('AFTERRELOAD');
  // The first window, still on its older revision, is refused in turn and may keep its text on top.
  await typeAtEnd(page, ' KEEPMINE');
  const first = page.getByTestId('conflict-dialog');
  await expect(first).toBeVisible({ timeout: 15_000 });
  await first.getByTestId('conflict-keep-mine').click();
  await expect(first).toBeHidden();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  const final = await must<{ article: { body: { text: string }[] } }>(invoke, 'article:open', {
    id: seed.id,
  });
  expect(final.article.body.map((b) => b.text).join('\n')).toContain('KEEPMINE');
  // The overwritten text is not lost: it is a revision of its own in the history.
  const revisions = await must<{ seq: number }[]>(invoke, 'revisions:list', { id: seed.id });
  const texts = await Promise.all(
    revisions.map((r) =>
      must<{ content: { body: { text: string }[] } }>(invoke, 'revisions:get', { id: seed.id, seq: r.seq }),
    ),
  );
  expect(texts.some((r) => r.content.body.some((b) => b.text.includes('AFTERRELOAD')))).toBe(true);
  console.log(`[hardening] concurrency in Chromium: 2 windows, 2 conflicts shown, 0 updates lost`);
  await other.close();
});
