// The contract every benchmark module follows: a name and a run() that measures a figure beside its baseline
// (the plain version of the same work, or a peer library) in the same run, on the same input.

/** One measured figure. `baseline` names another result of the same module (printed as its own line). */
export type Result = {
  name: string;
  value: number;
  unit: string;
  baseline: string | null;
};

/** A result as printed: the baseline's value and value / baselineValue resolved by the runner. */
export type Line = Result & { baselineValue: number | null; ratio: number | null };

export type BenchContext = {
  /** The repository's root directory. */
  repoRoot: string;
  /** A fresh directory for this run's files (databases, builds); removed after the run. Name files by module. */
  tmpDir: string;
  /** Registers cleanup (closing a database, a browser) to run after every module, last registered first. */
  defer: (cleanup: () => unknown) => void;
  /** Progress for the person waiting, on stderr (stdout carries only results). */
  log: (message: string) => void;
  /**
   * Fixtures shared between modules of one run (the imported corpus library, the long article …): built on
   * first use, so every module also runs alone under --only.
   */
  shared: <T>(key: string, build: () => T | Promise<T>) => Promise<T>;
};

export type BenchModule = {
  name: string;
  run: (ctx: BenchContext) => Promise<Result[]>;
};

/** A result measured against `baseline` (the name of another result of the same module). */
export function vs(name: string, value: number, unit: string, baseline: string): Result {
  return { name, value, unit, baseline };
}

/** A baseline, or a count that describes the input: printed with no baseline of its own. */
export function plain(name: string, value: number, unit: string): Result {
  return { name, value, unit, baseline: null };
}
