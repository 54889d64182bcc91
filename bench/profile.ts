/**
 * On the endless page the page's own work and the method's interleave in the same tasks, so the
 * method's share is read from a CPU profile instead: samples with a frame of the bench script on
 * their stack. Rendering and garbage collection are not in it.
 */
import type { Span } from "./trace";

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

export interface Profile {
  nodes: ProfileNode[];
  startTime?: number;
  samples?: number[];
  timeDeltas?: number[];
}

export function ownScriptMs(profile: Profile, scriptUrl: string): number {
  return ownSamples(profile, scriptUrl).reduce((sum, { micros }) => sum + micros, 0) / 1000;
}

/**
 * For each span (trace time, µs), the time our script ran in it. A profile's sample times are on the
 * same clock as a trace's.
 */
export function ownScriptMsIn(profile: Profile, scriptUrl: string, spans: Span[]): number[] {
  const samples = ownSamples(profile, scriptUrl);
  return spans.map(
    ([from, to]) =>
      samples.filter(({ at }) => at >= from && at < to).reduce((sum, { micros }) => sum + micros, 0) / 1000,
  );
}

/** The samples with a frame of our script on their stack: when each was taken (µs) and how long it lasted. */
function ownSamples(profile: Profile, scriptUrl: string): { at: number; micros: number }[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const result =
      (byId.get(id)?.callFrame.url.endsWith(scriptUrl) ?? false) || (up !== undefined && isOurs(up));
    ours.set(id, result);
    return result;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const out: { at: number; micros: number }[] = [];
  let at = profile.startTime ?? 0;
  // timeDeltas[i] is the time before sample i, so sample i lasted until sample i + 1.
  samples.forEach((id, i) => {
    at += deltas[i] ?? 0;
    if (isOurs(id)) out.push({ at, micros: deltas[i + 1] ?? 0 });
  });
  return out;
}
