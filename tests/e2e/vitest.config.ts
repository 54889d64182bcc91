import { defineConfig } from "vitest/config";

// Real browsers: one file at a time on a 2-core machine, with time to launch.
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["tests/e2e/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A test that fails is run once more before it counts: the drivers now and then lose track of a
    // window that closes itself (the popup after a click) and report it as a protocol error. A real
    // failure fails twice; vitest's report still shows which tests needed the second run.
    retry: 1,
  },
});
