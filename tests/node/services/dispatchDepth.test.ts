// Arguments nested absurdly deep (hostile or broken) are refused by the dispatcher with a typed error before
// any schema or service walks them recursively — the IPC fuzzing found JSON.stringify overflowing on one.
import { afterAll, describe, expect, it } from 'vitest';
import { createDispatch, MAX_ARG_DEPTH, tooDeep } from '../../../src/core/ipc/dispatch';
import { createServices } from '../../../src/node/services';
import { openDatabase } from '../../../src/node/store/db';
import { tempDir } from '../store/testFiles';

const tmp = tempDir('tadqiq-dispatch-depth-');
afterAll(() => tmp.cleanup());

function nested(levels: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { v };
  return v;
}

describe('argument depth', () => {
  it('measures nesting without recursion, even a million levels deep', () => {
    expect(tooDeep(nested(3), 4)).toBe(false);
    expect(tooDeep(nested(5), 4)).toBe(true);
    expect(tooDeep(nested(1_000_000), MAX_ARG_DEPTH)).toBe(true);
  });

  it('refuses a deeply nested custom rule with bad_request and changes nothing', async () => {
    const db = openDatabase(tmp.file('d.db'));
    const dispatch = createDispatch(createServices(db), (_c, e) => {
      throw e;
    });
    const before = await dispatch('checker:getConfig', {});
    const r = await dispatch('checker:setConfig', { customRules: [nested(100_000)] });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await dispatch('checker:getConfig', {})).toEqual(before);
    // An ordinary argument still goes through.
    expect(await dispatch('settings:set', { language: 'en' })).toMatchObject({ ok: true });
    db.close();
  });
});
