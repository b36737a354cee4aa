// The autosave coalescer with fake timers: idle autosave, never two saves in flight, the last edit always
// saved, failures reported and the edits kept unsaved.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  SaveCoalescer,
  type SaveRequest,
  type SaveState,
} from '../../src/renderer/features/revisions/saveCoalescer';

/** A fake store: each save captures the "editor text" when it starts and completes when told to. */
function harness() {
  let text = '';
  const saved: { text: string; req: SaveRequest }[] = [];
  const pending: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let running = 0;
  let maxRunning = 0;
  const states: SaveState['kind'][] = [];
  const c = new SaveCoalescer({
    delayMs: 1500,
    save: (req) => {
      const snapshot = text;
      running++;
      maxRunning = Math.max(maxRunning, running);
      return new Promise<void>((resolve, reject) => {
        pending.push({
          resolve: () => {
            running--;
            saved.push({ text: snapshot, req });
            resolve();
          },
          reject: (e) => {
            running--;
            reject(e);
          },
        });
      });
    },
    onState: (s) => states.push(s.kind),
  });
  return {
    c,
    saved,
    states,
    pending,
    get maxRunning() {
      return maxRunning;
    },
    type(t: string) {
      text = t;
      c.edited();
    },
    async complete() {
      pending.shift()!.resolve();
      await vi.advanceTimersByTimeAsync(0);
    },
    async fail(e: unknown) {
      pending.shift()!.reject(e);
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SaveCoalescer', () => {
  it('autosaves once after the author stops typing for the delay', async () => {
    const h = harness();
    h.type('أ');
    await vi.advanceTimersByTimeAsync(1000);
    h.type('أب');
    await vi.advanceTimersByTimeAsync(1000);
    h.type('أبج');
    await vi.advanceTimersByTimeAsync(1499);
    expect(h.pending).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.pending).toHaveLength(1);
    await h.complete();
    expect(h.saved).toEqual([{ text: 'أبج', req: { reason: 'autosave', note: null } }]);
    expect(h.c.state.kind).toBe('saved');
  });

  it('never runs two saves at once and still saves the edit made during a save', async () => {
    const h = harness();
    h.type('one');
    await vi.advanceTimersByTimeAsync(1500);
    h.type('two');
    void h.c.flush();
    void h.c.flush();
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.pending).toHaveLength(1);
    await h.complete();
    expect(h.pending).toHaveLength(1);
    await h.complete();
    expect(h.maxRunning).toBe(1);
    expect(h.saved.map((s) => s.text)).toEqual(['one', 'two']);
    expect(h.c.dirty).toBe(false);
  });

  it('flush resolves only when the latest text is stored, and does nothing when clean', async () => {
    const h = harness();
    let flushed = false;
    await h.c.flush();
    expect(h.pending).toHaveLength(0);
    h.type('نص');
    void h.c.flush().then(() => (flushed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed).toBe(false);
    await h.complete();
    expect(flushed).toBe(true);
    expect(h.saved.map((s) => s.text)).toEqual(['نص']);
  });

  it('reports a failed save, keeps the edits unsaved and saves them on the next flush', async () => {
    const h = harness();
    h.type('مسودة');
    await vi.advanceTimersByTimeAsync(1500);
    await h.fail(new Error('disk full'));
    const state = h.c.state;
    expect(state.kind).toBe('error');
    expect(state.kind === 'error' && (state.error as Error).message).toBe('disk full');
    expect(h.c.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.pending).toHaveLength(0);
    void h.c.flush();
    await h.complete();
    expect(h.saved.map((s) => s.text)).toEqual(['مسودة']);
    expect(h.c.state.kind).toBe('saved');
  });

  it('a manual save outranks a queued autosave and carries its note', async () => {
    const h = harness();
    h.type('a');
    await vi.advanceTimersByTimeAsync(1500);
    h.type('ab');
    void h.c.flush();
    void h.c.saveManual('بعد التدقيق');
    await h.complete();
    await h.complete();
    expect(h.saved).toEqual([
      { text: 'a', req: { reason: 'autosave', note: null } },
      { text: 'ab', req: { reason: 'manual', note: 'بعد التدقيق' } },
    ]);
  });

  it('does not autosave while paused, and resumes the idle timer afterwards', async () => {
    const h = harness();
    h.c.pause();
    h.type('x');
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.pending).toHaveLength(0);
    h.c.resume();
    await vi.advanceTimersByTimeAsync(1500);
    expect(h.pending).toHaveLength(1);
    await h.complete();
    expect(h.states).toContain('saving');
    expect(h.states.at(-1)).toBe('saved');
  });
});
