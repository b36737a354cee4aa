// Coalesces the editor's saves: autosave after an idle pause, flush on demand (window hidden or closing),
// manual saves with a note. Never two saves in flight; whatever was edited last always ends up saved; a failed
// save leaves the edits marked unsaved (the editor keeps its text) and is reported, never retried in a loop.

export type SaveReason = 'manual' | 'autosave';
export type SaveRequest = { reason: SaveReason; note: string | null };

export type SaveState =
  { kind: 'saved' } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'error'; error: unknown };

export type SaveCoalescerOptions = {
  /** Idle time after the last edit before an autosave starts. */
  delayMs: number;
  /** Reads the editor's content at the moment it is called and stores it; rejects on failure. */
  save: (request: SaveRequest) => Promise<void>;
  onState?: (state: SaveState) => void;
};

export class SaveCoalescer {
  private version = 0;
  private savedVersion = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private wanted: SaveRequest | null = null;
  private paused = false;
  private disposed = false;
  private lastError: unknown = null;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: SaveCoalescerOptions) {}

  get state(): SaveState {
    if (this.inFlight) return { kind: 'saving' };
    if (this.lastError !== null) return { kind: 'error', error: this.lastError };
    return this.version === this.savedVersion ? { kind: 'saved' } : { kind: 'dirty' };
  }

  get dirty(): boolean {
    return this.version !== this.savedVersion;
  }

  /** The content changed: restart the idle timer. */
  edited(): void {
    if (this.disposed) return;
    this.version++;
    this.armTimer();
    this.emit();
  }

  /** Saves now if anything is unsaved (window hidden, closing, switching articles). Resolves when idle. */
  flush(): Promise<void> {
    this.clearTimer();
    if (this.dirty || this.inFlight) this.request({ reason: 'autosave', note: null });
    return this.whenIdle();
  }

  /** A manual revision, stored even when an autosave already holds the same text (the service decides). */
  saveManual(note: string | null): Promise<void> {
    this.clearTimer();
    this.request({ reason: 'manual', note });
    return this.whenIdle();
  }

  /** While a dialog about saving is open, the idle timer must not save behind the author's back. */
  pause(): void {
    this.paused = true;
    this.clearTimer();
  }

  resume(): void {
    this.paused = false;
    if (this.dirty) this.armTimer();
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  /** Resolves once no save is running or queued. */
  whenIdle(): Promise<void> {
    if (!this.inFlight && !this.wanted) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private armTimer(): void {
    this.clearTimer();
    if (this.paused || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.request({ reason: 'autosave', note: null });
    }, this.options.delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private request(req: SaveRequest): void {
    // A manual request outranks a queued autosave (it saves the same latest text, with its note).
    if (!this.wanted || req.reason === 'manual') this.wanted = req;
    if (!this.inFlight) this.startNext();
  }

  private startNext(): void {
    const req = this.wanted;
    this.wanted = null;
    if (!req || (req.reason === 'autosave' && !this.dirty)) {
      this.emit();
      this.settleIdle();
      return;
    }
    const version = this.version;
    const run = (async () => {
      try {
        await this.options.save(req);
        this.savedVersion = Math.max(this.savedVersion, version);
        this.lastError = null;
      } catch (e) {
        this.lastError = e;
      }
    })();
    this.inFlight = run;
    this.emit();
    void run.then(() => {
      this.inFlight = null;
      this.startNext();
    });
  }

  private settleIdle(): void {
    if (this.inFlight || this.wanted) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private emit(): void {
    this.options.onState?.(this.state);
  }
}
