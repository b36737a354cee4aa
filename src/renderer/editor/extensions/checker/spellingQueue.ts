// Spelling answers for the checker, asked of the 'spelling:check' service in batches a moment after typing
// stops, and kept in a cache for the editor's life. Typing never waits for it: until a word's answer comes,
// the word counts as correct.
import type { SpellCache } from './plugin';

export type SpellAnswer = { word: string; correct: boolean; suggestions: string[] };
export type SpellService = (words: string[]) => Promise<SpellAnswer[]>;

export const SPELLING_BATCH_DELAY_MS = 150;
const MAX_BATCH = 500;

export class SpellingQueue implements SpellCache {
  private readonly cache = new Map<string, { correct: boolean; suggestions: string[] }>();
  private readonly inFlight = new Set<string>();
  private wanted = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor(
    private readonly service: SpellService,
    private readonly onAnswers: (words: string[]) => void,
  ) {}

  get(word: string) {
    return this.cache.get(word);
  }

  /** A word the newsroom list now holds: correct from now on. */
  markCorrect(word: string): void {
    this.cache.set(word, { correct: true, suggestions: [] });
  }

  request(words: Iterable<string>): void {
    for (const w of words) if (!this.cache.has(w) && !this.inFlight.has(w)) this.wanted.add(w);
    if (this.wanted.size && !this.timer && !this.destroyed)
      this.timer = setTimeout(() => void this.flush(), SPELLING_BATCH_DELAY_MS);
  }

  private async flush(): Promise<void> {
    this.timer = null;
    const batch = [...this.wanted].slice(0, MAX_BATCH);
    for (const w of batch) {
      this.wanted.delete(w);
      this.inFlight.add(w);
    }
    if (this.wanted.size) this.timer = setTimeout(() => void this.flush(), 0);
    try {
      const answers = await this.service(batch);
      for (const a of answers) this.cache.set(a.word, { correct: a.correct, suggestions: a.suggestions });
    } catch {
      // No dictionary (or no service): spelling stays silent rather than flagging every word.
      for (const w of batch) this.cache.set(w, { correct: true, suggestions: [] });
    } finally {
      for (const w of batch) this.inFlight.delete(w);
    }
    if (!this.destroyed) this.onAnswers(batch);
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
