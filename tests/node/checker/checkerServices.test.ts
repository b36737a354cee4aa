// Copy-editing services on a real SQLite file: the house style and ignores survive reopening, an unsafe or
// malformed rule set is refused with the engine's reason and stores nothing, and `check --article` uses the
// stored house style, rules and ignores.
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/node/store/db';
import { createServices } from '../../../src/node/services';
import { createDispatch } from '../../../src/core/ipc/dispatch';
import { importText } from '../../../src/node/services';
import { tempDir } from '../store/testFiles';

const tmp = tempDir('tadqiq-checker-');
afterAll(() => tmp.cleanup());

const rule = (id: string, extra: Record<string, unknown>) => ({
  id,
  category: 'style',
  severity: 'warning',
  message: { ar: 'رسالة', en: 'message' },
  default: 'on',
  examples: [{ incorrect: 'اجتماع مرتقب', expected: 'اجتماع منتظر' }, { correct: 'اجتماع منتظر' }],
  ...extra,
});

describe('checker services', () => {
  it('stores the house style and per-article ignores across reopening', async () => {
    const file = tmp.file('style.db');
    let db = openDatabase(file);
    let call = createDispatch(createServices(db), (c, e) => {
      throw e;
    });
    const imported = importText(db, 'عنوان\n\nوقال الوزير، أن الاجتماع مرتقب.', 'text', {});
    const id = imported.kind === 'imported' ? imported.id : '';
    const settings = {
      ...((await call('checker:getConfig', {})) as { ok: true; value: { settings: object } }).value.settings,
      digits: 'arabic-indic',
    };
    expect((await call('checker:setConfig', { settings })).ok).toBe(true);
    expect((await call('checker:ignore', { id, ruleId: 'grammar.inna-after-qala' })).ok).toBe(true);
    expect((await call('checker:ignore', { id: 'missing', ruleId: 'x.y' })).ok).toBe(false);
    db.close();
    db = openDatabase(file);
    call = createDispatch(createServices(db), (c, e) => {
      throw e;
    });
    const style = await call('checker:getConfig', {});
    expect(style.ok && (style.value as { settings: { digits: string } }).settings.digits).toBe(
      'arabic-indic',
    );
    const ig = await call('checker:ignores', { id });
    expect(ig.ok && ig.value).toEqual({ findings: [], rules: ['grammar.inna-after-qala'] });
    db.close();
  });

  it('imports a valid rule set, refuses an unsafe one with its reason and keeps what was there', async () => {
    const db = openDatabase(tmp.file('rules.db'));
    const call = createDispatch(createServices(db), (c, e) => {
      throw e;
    });
    const good = JSON.stringify({
      rules: [rule('custom.moratqab', { kind: 'words', words: { مرتقب: ['منتظر'] } })],
    });
    const ok = await call('checker:rules:import', { json: good });
    expect(ok.ok && (ok.value as { imported: number }).imported).toBe(1);
    const bad = JSON.stringify({
      rules: [rule('custom.bad', { kind: 'pattern', pattern: '(a+)+$', replace: ['a'] })],
    });
    const refused = await call('checker:rules:import', { json: bad });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(!refused.ok && refused.error.message).toMatch(/custom\.bad.*nested quantifier/);
    const notJson = await call('checker:rules:import', { json: '{rules' });
    expect(!notJson.ok && notJson.error.message).toContain('Not valid JSON');
    const exported = await call('checker:rules:export', {});
    expect(
      exported.ok &&
        JSON.parse((exported.value as { json: string }).json).rules.map((r: { id: string }) => r.id),
    ).toEqual(['custom.moratqab']);
    db.close();
  });
});
