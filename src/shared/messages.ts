/**
 * Every message the background answers, written as function signatures. Senders call
 * callBackground("getEntry", id) and get a typed promise; the background drops anything unknown.
 */
import browser from "webextension-polyfill";
import type { Entry } from "../glossary/schema";

export interface BackgroundCalls {
  /** The full entry for the popover, or null when no entry has that id. */
  getEntry(id: string): Entry | null;
}

export type CallName = keyof BackgroundCalls;
export type Call = { [K in CallName]: { call: K; args: Parameters<BackgroundCalls[K]> } }[CallName];

export function callBackground<K extends CallName>(
  call: K,
  ...args: Parameters<BackgroundCalls[K]>
): Promise<ReturnType<BackgroundCalls[K]>> {
  return browser.runtime.sendMessage({ call, args });
}

/** Narrows an incoming message to a known call, checking the argument types. */
export function parseCall(message: unknown): Call | undefined {
  if (typeof message !== "object" || message === null) return undefined;
  const { call, args } = message as { call?: unknown; args?: unknown };
  if (!Array.isArray(args)) return undefined;
  if (call === "getEntry" && typeof args[0] === "string") return { call, args: [args[0]] };
  return undefined;
}
