import { describe, expect, it } from "vitest";
import { eventsSince, formatDate, heldOn, latestEvents, parsePublished, timelineAround } from "./dates";

const timeline = [
  { date: "2020-03-05", text: "Moscow protocol" },
  { date: "2019-12", text: "Offensive" },
  { date: "2020", text: "Some time in 2020" },
  { date: "2020-02", text: "February fighting" },
  { date: "2024-12-08", text: "Fall of Assad" },
];

describe("dates", () => {
  it("lists only events that certainly came after the article, oldest first", () => {
    expect(eventsSince(timeline, "2020-02-21").map((e) => e.text)).toEqual([
      "Moscow protocol",
      "Fall of Assad",
    ]);
    expect(eventsSince(timeline, "2025-01-01")).toEqual([]);
    expect(eventsSince(timeline, "2019-12-31").map((e) => e.text)).toContain("Some time in 2020");
  });

  it("gives the latest events when the article's date is unknown", () => {
    expect(latestEvents(timeline, 2).map((e) => e.text)).toEqual(["Moscow protocol", "Fall of Assad"]);
  });

  it("formats dates only as precisely as they are known", () => {
    expect(formatDate("2020-03-05")).toBe("5 Mar 2020");
    expect(formatDate("2020-10")).toBe("Oct 2020");
    expect(formatDate("2020")).toBe("2020");
  });

  it("reads the day from the date formats news pages publish", () => {
    expect(parsePublished("2020-02-21T09:00:00Z")).toBe("2020-02-21");
    expect(parsePublished(" 2019-01-03T07:00:02.000Z")).toBe("2019-01-03");
    expect(parsePublished("2020-02-21")).toBe("2020-02-21");
    expect(parsePublished("Friday")).toBeNull();
    expect(parsePublished("2020-13-01")).toBeNull();
    expect(parsePublished(null)).toBeNull();
  });
});

describe("timeline around the article", () => {
  const timeline = [
    { date: "2024-12-08", text: "e" },
    { date: "2018-09", text: "b" },
    { date: "2015", text: "a" },
    { date: "2019-12", text: "c" },
    { date: "2020-03-05", text: "d" },
  ];

  it("keeps the last events before the article and every event after it, in order", () => {
    const view = timelineAround(timeline, "2020-02-21");
    expect(view.earlier.map((e) => e.text)).toEqual(["b", "c"]);
    expect(view.omitted).toBe(1);
    expect(view.since.map((e) => e.text)).toEqual(["d", "e"]);
  });

  it("counts an event in the article's own month as before it (not certainly after)", () => {
    expect(timelineAround([{ date: "2020-02", text: "x" }], "2020-02-21").since).toEqual([]);
  });

  it("without an article date shows the latest events and sets none apart", () => {
    const view = timelineAround(timeline, null, 3);
    expect(view.earlier.map((e) => e.text)).toEqual(["c", "d", "e"]);
    expect(view.since).toEqual([]);
  });
});

describe("offices", () => {
  it("are held on a day only when certainly in office then", () => {
    expect(heldOn({ role: "President", from: "2014-08-28" }, "2020-02-21")).toBe(true);
    expect(heldOn({ role: "President", from: "2000-07-17", to: "2024-12-08" }, "2020-02-21")).toBe(true);
    expect(heldOn({ role: "President", from: "2000-07-17", to: "2024-12-08" }, "2025-01-01")).toBe(false);
    expect(heldOn({ role: "PM", from: "2020" }, "2020-02-21")).toBe(false);
  });
});
