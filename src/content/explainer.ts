/**
 * When an explainer opens and closes: after a short dwell on a mark, not for a sweeping pointer, and
 * not until the pointer has left both the term and the card for a grace period.
 */
import type { Mark } from "../engine/marks";
import type { Entry } from "../glossary/schema";
import { PopoverHost } from "../popover/host";
import { callBackground } from "../shared/messages";
import type { Settings } from "../shared/settings";
import { saveSettings } from "../shared/storage";
import type { PointerSample } from "./hover";

const GRACE_MS = 300;
/** Faster than this (px/ms) the pointer is passing over the text, not reading it (10ten's figure). */
const SWEEP_SPEED = 0.5;

export class Explainer {
  private readonly popover = new PopoverHost();
  private readonly entries = new Map<string, Promise<Entry | null>>();
  private readonly maps = new Map<string, Promise<string | null>>();
  private candidate: Mark | null = null;
  private open: Mark | null = null;
  private insideCard = false;
  /** Opened from the keyboard: stays until Escape, the close button or another term. */
  private keyboardOpened = false;
  /** Pinned by the reader: stays until closed, and other terms do not replace it. */
  private pinned = false;
  private dwellTimer = 0;
  private graceTimer = 0;

  constructor(
    private readonly entryId: (mark: Mark) => string,
    private readonly titleOf: (id: string) => string | undefined,
    private readonly published: string | null,
    private readonly settings: Settings,
    private readonly onActive: (mark: Mark | null) => void,
    signal: AbortSignal,
  ) {
    signal.addEventListener("abort", () => this.close(), { once: true });
  }

  onPointer({ mark, speed }: PointerSample): void {
    if (this.pinned) return;
    if (mark && mark === this.open) {
      clearTimeout(this.graceTimer);
      return;
    }
    // The dwell runs from the last fast movement: a pointer sweeping over a term keeps restarting it
    // and has left before it ends; a pointer that stops on the term opens it DWELL_MS later.
    if (mark !== this.candidate || (mark && speed > SWEEP_SPEED)) {
      clearTimeout(this.dwellTimer);
      this.candidate = mark;
      if (mark) {
        void this.load(mark); // fetch while the reader dwells, so the card is ready when it ends
        this.dwellTimer = window.setTimeout(() => void this.show(mark), this.settings.dwellMs);
      }
    }
    if (this.open && !mark && !this.insideCard && !this.keyboardOpened) this.scheduleClose();
  }

  /** Opens the explainer for a mark at once, taking keyboard focus into it: the keyboard route. */
  async showNow(mark: Mark): Promise<void> {
    clearTimeout(this.dwellTimer);
    this.candidate = mark;
    await this.show(mark, true);
  }

  async show(mark: Mark, focus = false): Promise<void> {
    const entry = await this.load(mark);
    if (!entry || this.candidate !== mark) return;
    clearTimeout(this.graceTimer);
    this.open = mark;
    this.keyboardOpened = focus;
    this.pinned = false;
    this.onActive(mark);
    this.render(mark, entry, focus);
  }

  private render(mark: Mark, entry: Entry, focus = false): void {
    this.popover.show(
      mark.range,
      {
        entry,
        published: this.published,
        theme: this.settings.theme,
        pinned: this.pinned,
        titleOf: this.titleOf,
        loadEntry: (id) => this.loadId(id),
        loadMap: (id) => this.loadMap(id),
        onClose: () => this.close(),
        onPin: (pinned) => {
          this.pinned = pinned;
          this.render(mark, entry);
        },
        onHideEntry: (id) => {
          this.close();
          void saveSettings({ hiddenEntries: [...new Set([...this.settings.hiddenEntries, id])] });
        },
        onOpenGlossary: (id) => void callBackground("openGlossary", id),
      },
      {
        onPointerEnter: () => {
          this.insideCard = true;
          clearTimeout(this.graceTimer);
        },
        onPointerLeave: () => {
          this.insideCard = false;
          this.scheduleClose();
        },
      },
      focus,
    );
  }

  close(): void {
    clearTimeout(this.dwellTimer);
    clearTimeout(this.graceTimer);
    this.popover.hide();
    this.open = null;
    this.candidate = null;
    this.insideCard = false;
    this.keyboardOpened = false;
    this.pinned = false;
    this.onActive(null);
  }

  private scheduleClose(): void {
    clearTimeout(this.graceTimer);
    if (this.pinned) return;
    this.graceTimer = window.setTimeout(() => this.close(), GRACE_MS);
  }

  private load(mark: Mark): Promise<Entry | null> {
    void this.loadMap(this.entryId(mark)); // maps too arrive during the dwell
    return this.loadId(this.entryId(mark));
  }

  private loadMap(id: string): Promise<string | null> {
    return cached(this.maps, id, () => callBackground("getMap", id));
  }

  private loadId(id: string): Promise<Entry | null> {
    return cached(this.entries, id, () => callBackground("getEntry", id));
  }
}

/** One request per id for the page's life; a failed one reads as "nothing to show". */
function cached<T>(
  cache: Map<string, Promise<T | null>>,
  id: string,
  load: () => Promise<T | null>,
): Promise<T | null> {
  let value = cache.get(id);
  if (!value) {
    value = load().catch(() => null);
    cache.set(id, value);
  }
  return value;
}
