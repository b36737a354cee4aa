// Turns a table of service functions into the single IPC entry point used by Electron main and the e2e
// harness alike: unknown channels and malformed arguments are refused with a typed error, service failures
// come back as values, and unexpected exceptions are reported (never swallowed) and returned as 'internal'.
import { z } from 'zod';
import {
  AppError,
  contract,
  isChannel,
  type Channel,
  type ChannelResult,
  type Contract,
  type IpcResult,
  type ServiceChannel,
  type WindowChannel,
} from './contract';

type Handler<C extends Channel> = (
  arg: z.output<Contract[C]['arg']>,
) => ChannelResult<C> | Promise<ChannelResult<C>>;

/** What the data services implement: every channel but the window host's. */
export type ServiceTable = { [C in ServiceChannel]: Handler<C> };
/** What only a window host (Electron main) can answer. */
export type WindowTable = { [C in WindowChannel]: Handler<C> };

/**
 * No channel takes arguments nested anywhere near this deep; a deeper one (hostile or broken) is refused before
 * zod or any service walks it recursively, which could overflow the stack (JSON.stringify does).
 */
export const MAX_ARG_DEPTH = 64;

/** Whether `value` nests objects/arrays deeper than `max` — measured without recursion. */
export function tooDeep(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    if (depth >= max) return true;
    seen.add(v);
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

export type Dispatch = (channel: unknown, arg: unknown) => Promise<IpcResult<unknown>>;

export function createDispatch(
  table: ServiceTable & Partial<WindowTable>,
  onInternalError: (channel: string, e: unknown) => void,
): Dispatch {
  return async (channel, arg) => {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: { code: 'bad_request', message: `Unknown channel: ${String(channel).slice(0, 80)}` },
      };
    }
    if (tooDeep(arg, MAX_ARG_DEPTH)) {
      return {
        ok: false,
        error: {
          code: 'bad_request',
          message: `The argument is nested more than ${MAX_ARG_DEPTH} levels deep.`,
        },
      };
    }
    const parsed = contract[channel].arg.safeParse(arg === undefined ? {} : arg);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'bad_request', message: z.prettifyError(parsed.error).slice(0, 2000) },
      };
    }
    try {
      const fn = (table as Partial<Record<Channel, (a: unknown) => unknown>>)[channel];
      if (!fn)
        return { ok: false, error: { code: 'bad_request', message: `Not available here: ${channel}` } };
      const value: unknown = await fn(parsed.data);
      return { ok: true, value: contract[channel].result.parse(value) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: { code: e.code, message: e.message } };
      onInternalError(channel, e);
      return {
        ok: false,
        error: { code: 'internal', message: e instanceof Error ? e.message : 'Unexpected error' },
      };
    }
  };
}
