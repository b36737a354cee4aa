// The `check` command module on the real seed: its JSON is PRODUCT.md's `{ findings: [] }`, --plain reads
// every line as a paragraph, and wrong use is refused with a usage error rather than a guess.
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../../src/node/cli/commands/check';
import { UsageError, type CommandContext } from '../../../src/node/cli/command';
import { readSeedText } from './shared';

const seed = new TextEncoder().encode(readSeedText());

function ctx(args: string[], flags: CommandContext['flags'], file: Uint8Array = seed): CommandContext {
  return {
    args,
    flags,
    json: true,
    author: undefined,
    db: () => {
      throw new Error('the check of a file must not open the database');
    },
    readFile: async () => file,
  };
}

type Json = { findings: Record<string, unknown>[] };

describe('check FILE', () => {
  it('prints the findings of the structured article in the shape of PRODUCT.md', async () => {
    const { json, text } = await checkCommand.run(ctx(['seed.txt'], {}));
    const { findings } = json as Json;
    const qala = findings.find((f) => f.ruleId === 'grammar.inna-after-qala');
    expect(qala).toMatchObject({ category: 'grammar', severity: 'error', text: 'أن', suggestions: ['إن'] });
    for (const f of findings) {
      expect(Object.keys(f).sort()).toEqual(
        [
          'ruleId',
          'category',
          'severity',
          'message',
          'from',
          'to',
          'text',
          'suggestions',
          'block' in f ? 'block' : 'field',
        ].sort(),
      );
    }
    expect(text).toContain('grammar.inna-after-qala');
  });

  it('with --plain, reports line N of the file as block N - 1', async () => {
    const lines = readSeedText().split('\n');
    const { json } = await checkCommand.run(ctx(['seed.txt'], { plain: true }));
    const { findings } = json as Json;
    const qala = findings.find((f) => f.ruleId === 'grammar.inna-after-qala')!;
    expect(lines[qala.block as number]!.startsWith('وقال لافروف،')).toBe(true);
    // Without structure detection the caption lines are text too, and their Latin credit is flagged.
    expect(findings.some((f) => f.ruleId === 'names.agency-reuters' && f.block === 2)).toBe(true);
  });

  it('refuses FILE together with --article, --plain with --article, and no input at all', async () => {
    await expect(checkCommand.run(ctx(['a.txt'], { article: 'x' }))).rejects.toThrow(UsageError);
    await expect(checkCommand.run(ctx([], { article: 'x', plain: true }))).rejects.toThrow(/--plain/);
    await expect(checkCommand.run(ctx([], {}))).rejects.toThrow(UsageError);
  });

  it('refuses an empty file with a clear message', async () => {
    await expect(checkCommand.run(ctx(['empty.txt'], { plain: true }, new Uint8Array()))).rejects.toThrow(
      /empty\.txt: the file is empty/,
    );
  });
});
