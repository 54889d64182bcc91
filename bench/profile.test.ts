import { describe, expect, it } from "vitest";
import { ownScriptMs, ownScriptMsIn, type Profile } from "./profile";

// Node 1 is the root, 2 a page function, 3 the bench script, 4 a page function our script called.
const profile: Profile = {
  nodes: [
    { id: 1, callFrame: { url: "" }, children: [2, 3] },
    { id: 2, callFrame: { url: "https://page.example/app.js" } },
    { id: 3, callFrame: { url: "backstory-bench.js" }, children: [4] },
    { id: 4, callFrame: { url: "" } },
  ],
  startTime: 1_000,
  // Samples at 1,000 (page), 2,000 (ours), 3,000 (called from ours), 5,000 (page), 6,000 (ours, last).
  samples: [2, 3, 4, 2, 3],
  timeDeltas: [0, 1_000, 1_000, 2_000, 1_000],
};

describe("ownScriptMs", () => {
  it("counts the samples with our script on their stack, each until the next sample", () => {
    // Ours at 2,000 lasts 1,000 µs, the one it called at 3,000 lasts 2,000; the last has no end.
    expect(ownScriptMs(profile, "backstory-bench.js")).toBeCloseTo(3);
  });

  it("splits that time between spans of trace time, by when each sample was taken", () => {
    expect(
      ownScriptMsIn(profile, "backstory-bench.js", [
        [0, 2_500],
        [2_500, 10_000],
        [4_000, 4_500],
      ]),
    ).toEqual([1, 2, 0]);
  });
});
