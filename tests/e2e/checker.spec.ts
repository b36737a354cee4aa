// Copy editing in real Chromium against the real services: the seed's real errors underlined with their card,
// a suggestion applied and undone in one step, "Fix all safe" as one undo step, F8, ignoring a rule for the
// article (kept after a reload), adding a word to the newsroom dictionary, the rule manager's live examples
// and its refusal of a catastrophic pattern, the digits setting switching a finding on and off, and a second
// spelling of a name flagged by the whole-article rules once typing pauses.
import type { Locator, Page } from '@playwright/test';
import { expect, importSeed, screenshot, test, type AppFixture } from './harness';

/** Salma, a copy editor, imports the seed; the checker panel is open beside it. */
async function openSeed(app: AppFixture): Promise<Page> {
  const { page } = app;
  await app.invoke('user:set', { name: 'سلمى' });
  await app.open();
  await importSeed(page);
  await expect(page.getByTestId('checker-panel')).toBeVisible();
  return page;
}

const underline = (page: Page, rule: string): Locator =>
  page.getByTestId('editor').locator(`.chk-finding[data-rule="${rule}"]`);

const lavrovParagraph = (page: Page): Locator =>
  page.getByTestId('editor').locator('p', { hasText: 'وقال لافروف، خلال الجلسة' });

test('the seed: أن after وقال لافروف، is underlined, the card suggests إن, applying it is one undo step', async ({
  app,
}) => {
  const page = await openSeed(app);
  const grammar = underline(page, 'grammar.inna-after-qala');
  await expect(grammar).toHaveCount(1);
  await expect(grammar).toHaveText('أن');
  // It is the أن of the quoted statement, inside the paragraph that opens with وقال لافروف،.
  await expect(
    lavrovParagraph(page).locator('.chk-finding[data-rule="grammar.inna-after-qala"]'),
  ).toHaveCount(1);
  // The underline is a decoration, not a font change: the same face as the text around it.
  const fonts = await grammar.evaluate((el) => [
    getComputedStyle(el).fontFamily,
    getComputedStyle(el.parentElement!).fontFamily,
    getComputedStyle(el).textDecorationLine,
  ]);
  expect(fonts[0]).toBe(fonts[1]);
  expect(fonts[2]).toContain('underline');

  await grammar.click();
  const card = page.getByTestId('finding-card');
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-rule', 'grammar.inna-after-qala');
  await expect(card.getByTestId('finding-message')).toContainText('إنّ');
  await expect(card.getByTestId('finding-suggestion').first()).toHaveText('إن');
  await screenshot(page, 'checker-card');

  await card.getByTestId('finding-suggestion').first().click();
  await expect(card).toBeHidden();
  await expect(lavrovParagraph(page)).toContainText('في مينسك، إن "التوقيع');
  await expect(grammar).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(lavrovParagraph(page)).toContainText('في مينسك، أن "التوقيع');
  await expect(grammar).toHaveCount(1);
  expect(app.problems).toEqual([]);
});

test('spaces: "تاس" ., no-break and trailing spaces are flagged; Fix all safe removes them in one undo step; F8 moves on', async ({
  app,
}) => {
  const page = await openSeed(app);
  const editor = page.getByTestId('editor');
  const spaceBefore = underline(page, 'punctuation.space-before');
  const nbsp = underline(page, 'typography.no-break-space');
  const edge = underline(page, 'typography.edge-space');
  await expect(spaceBefore).toHaveCount(1);
  await expect(spaceBefore).toHaveText(' .');
  await expect(editor.locator('p', { hasText: 'وفقاً لما أوردت' })).toContainText('"تاس" .');
  await expect(nbsp).not.toHaveCount(0);
  await expect(edge).not.toHaveCount(0);
  const panel = page.getByTestId('checker-panel');
  await expect(panel.locator('[data-category="typography"]')).toBeVisible();
  await expect(panel.locator('[data-category="punctuation"]')).toBeVisible();
  await screenshot(page, 'checker-panel');

  // F8 from the start of the headline selects the first finding, then the next one, in reading order.
  await editor.locator('h1').click();
  await page.keyboard.press('Home');
  await page.keyboard.press('F8');
  const card = page.getByTestId('finding-card');
  await expect(card).toBeVisible();
  const first = await card.getAttribute('data-rule');
  const firstSel = await page.evaluate(() => window.getSelection()?.toString());
  await page.keyboard.press('F8');
  await expect
    .poll(
      async () =>
        `${await card.getAttribute('data-rule')}|${await page.evaluate(() => window.getSelection()?.toString())}`,
    )
    .not.toBe(`${first}|${firstSel}`);
  await page.keyboard.press('Shift+F8');
  await expect(card).toHaveAttribute('data-rule', first!);
  await page.keyboard.press('Escape');

  const before = await editor.innerText();
  await page.getByTestId('checker-fix-safe').click();
  await expect(spaceBefore).toHaveCount(0);
  await expect(nbsp).toHaveCount(0);
  await expect(edge).toHaveCount(0);
  await expect(editor.locator('p', { hasText: 'وفقاً لما أوردت' })).toContainText('"تاس".');
  const fixed = await page.evaluate(() => document.querySelector('[data-testid="editor"]')!.textContent!);
  expect(fixed).not.toContain('\u00a0');
  await screenshot(page, 'checker-fixed-safe');

  await editor.click();
  await page.keyboard.press('Control+z');
  await expect(spaceBefore).toHaveCount(1);
  await expect(nbsp).not.toHaveCount(0);
  expect(await editor.innerText()).toBe(before);
  expect(app.problems).toEqual([]);
});

test('ignoring a rule in this article hides its findings, also after a reload', async ({ app }) => {
  const page = await openSeed(app);
  const style = underline(page, 'style.tamma-masdar');
  await expect(style).not.toHaveCount(0);
  await style.first().click();
  const card = page.getByTestId('finding-card');
  await expect(card).toHaveAttribute('data-rule', 'style.tamma-masdar');
  await card.getByTestId('finding-ignore-rule').click();
  await expect(style).toHaveCount(0);
  await expect(underline(page, 'grammar.inna-after-qala')).toHaveCount(1);

  await page.reload();
  await expect(page.getByTestId('editor').or(page.getByRole('table'))).toBeVisible();
  if (!(await page.getByTestId('editor').isVisible())) {
    await page.getByText('لافروف', { exact: false }).first().click();
  }
  await expect(underline(page, 'grammar.inna-after-qala')).toHaveCount(1);
  await expect(style).toHaveCount(0);
  expect(app.problems).toEqual([]);
});

test('a spelling finding goes away once its word is added to the dictionary', async ({ app }) => {
  const page = await openSeed(app);
  const sub = page.getByTestId('editor').locator('h2');
  await sub.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' ديمرتاش');
  const word = page
    .getByTestId('editor')
    .locator('.chk-finding[data-category="spelling"]', { hasText: 'ديمرتاش' });
  await expect(word).toHaveCount(1, { timeout: 15_000 });
  await word.click();
  const card = page.getByTestId('finding-card');
  await expect(card).toHaveAttribute('data-rule', 'spelling.unknown');
  await screenshot(page, 'checker-spelling-card');
  await card.getByTestId('finding-add-word').click();
  await expect(word).toHaveCount(0);
  const list = await app.invoke('dictionary:list', {});
  expect(list.ok && (list.value as { words: { word: string }[] }).words.map((w) => w.word)).toContain(
    'ديمرتاش',
  );
  expect(app.problems).toEqual([]);
});

test('rule manager: a word-list rule with a passing example; a catastrophic pattern is refused', async ({
  app,
}) => {
  const page = await openSeed(app);
  await page.getByTestId('checker-rules').click();
  const manager = page.getByTestId('rule-manager');
  await expect(manager).toBeVisible();
  await expect(manager.locator('[data-rule="grammar.inna-after-qala"]')).toBeVisible();
  await screenshot(page, 'checker-rule-manager');

  await manager.getByTestId('rule-add').click();
  await manager.getByTestId('rule-id').fill('custom.moratqab');
  await manager.getByTestId('rule-messageAr').fill('الدار تكتب «منتظر» لا «مرتقب».');
  await manager.getByTestId('rule-words').fill('مرتقب = منتظر');
  await manager.getByTestId('rule-examples').fill('اجتماع مرتقب => اجتماع منتظر\nاجتماع منتظر');
  const examples = manager.getByTestId('rule-example');
  await expect(examples).toHaveCount(2);
  await expect(examples.nth(0)).toHaveAttribute('data-pass', 'true');
  await expect(examples.nth(1)).toHaveAttribute('data-pass', 'true');
  // An example the rule gets wrong is shown failing as the user types.
  await manager.getByTestId('rule-examples').fill('اجتماع مرتقب => اجتماع قريب\nاجتماع منتظر');
  await expect(examples.nth(0)).toHaveAttribute('data-pass', 'false');
  await manager.getByTestId('rule-examples').fill('اجتماع مرتقب => اجتماع منتظر\nاجتماع منتظر');
  await screenshot(page, 'checker-rule-editor');
  await manager.getByTestId('rule-save').click();
  await expect(manager.getByTestId('rule-editor')).toBeHidden();
  await page.getByTestId('rule-manager-close').click();
  // The new rule runs in the editor at once: the sub-heading اجتماع مرتقب is flagged.
  await expect(underline(page, 'custom.moratqab')).toHaveText('مرتقب');

  await page.getByTestId('checker-rules').click();
  await manager.getByTestId('rule-add').click();
  await manager.getByTestId('rule-id').fill('custom.catastrophic');
  await manager.getByTestId('rule-messageAr').fill('نمط خطر');
  await manager.getByTestId('rule-kind').selectOption('pattern');
  await manager.getByTestId('rule-pattern').fill('(a+)+$');
  await manager.getByTestId('rule-replace').fill('a');
  await manager.getByTestId('rule-examples').fill('aaaa => a\nb');
  await expect(manager.getByTestId('rule-refused')).toContainText('nested quantifier');
  await expect(manager.getByTestId('rule-save')).toBeDisabled();
  await screenshot(page, 'checker-rule-refused');

  // The same pattern in an imported rule set is refused by the service with the same reason.
  const bad = JSON.stringify({
    rules: [
      {
        id: 'custom.bad',
        kind: 'pattern',
        category: 'style',
        severity: 'warning',
        message: { ar: 'س', en: 's' },
        default: 'on',
        pattern: '(a+)+$',
        replace: ['a'],
        examples: [{ incorrect: 'aa', expected: 'a' }, { correct: 'b' }],
      },
    ],
  });
  const refused = await app.invoke('checker:rules:import', { json: bad });
  expect(refused.ok).toBe(false);
  expect(!refused.ok && refused.error.message).toContain('nested quantifier');
  expect(app.problems).toEqual([]);
});

test('the digits setting turns a digits finding on and off', async ({ app }) => {
  const page = await openSeed(app);
  const indic = underline(page, 'numbers.prefer-arabic-indic');
  await expect(indic).toHaveCount(0);
  await page.getByTestId('checker-settings').click();
  const dialog = page.getByTestId('house-style-dialog');
  await dialog.getByTestId('house-digits').selectOption('arabic-indic');
  await page.getByTestId('house-style-close').click();
  await expect(indic).not.toHaveCount(0);
  await screenshot(page, 'checker-digits');
  const stored = await app.invoke('checker:getConfig', {});
  expect(stored.ok && (stored.value as { settings: { digits: string } }).settings.digits).toBe(
    'arabic-indic',
  );

  await page.getByTestId('checker-settings').click();
  await dialog.getByTestId('house-digits').selectOption('western');
  await page.getByTestId('house-style-close').click();
  await expect(indic).toHaveCount(0);
  expect(app.problems).toEqual([]);
});

test('a second spelling of a name typed into the article is flagged once typing pauses', async ({ app }) => {
  const page = await openSeed(app);
  const names = underline(page, 'names.consistency');
  await expect(names).toHaveCount(0);
  // The seed writes سيرجي لافروف; a copy editor adds a paragraph with the other common spelling.
  await lavrovParagraph(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('وكرر سيرغي لافروف موقفه.');
  const added = page.getByTestId('editor').locator('p', { hasText: 'وكرر' });
  await expect(names).toHaveCount(1);
  await expect(names).toHaveText('سيرغي');
  const panel = page.getByTestId('checker-panel');
  await expect(panel.locator('[data-category="names"]')).toBeVisible();
  await names.click();
  const card = page.getByTestId('finding-card');
  await expect(card).toHaveAttribute('data-rule', 'names.consistency');
  await expect(card.getByTestId('finding-suggestion').first()).toHaveText('سيرجي');
  await screenshot(page, 'checker-name-spelling');
  await card.getByTestId('finding-suggestion').first().click();
  await expect(added).toHaveText('وكرر سيرجي لافروف موقفه.');
  await expect(names).toHaveCount(0);
  expect(app.problems).toEqual([]);
});
