/**
 * When an explainer opens and closes: after a short dwell on a mark, not for a sweeping pointer, and
 * not until the pointer has left both the term and the card for a grace period. A tap or the keyboard
 * opens one at once, and it stays until closed.
 */
import type { Mark } from "../engine/marks";
import type { Entry } from "../glossary/schema";
import { PopoverHost } from "../popover/host";
import { callBackground } from "../shared/messages";
import type { Settings } from "../shared/settings";
import { saveSettings } from "../shared/storage";
import type { PointerSample } from "./hover";

/** The link a tapped term sits in, shown in the card since the tap did not follow it. */
export type TermLink = { href: string; text: string } | null;

const GRACE_MS = 300;
/** How long before the dwell ends the card is rendered, unseen, so that the dwell's end only reveals it. */
const PREPARE_AHEAD_MS = 70;
/** Faster than this (px/ms) the pointer is passing over the text, not reading it (10ten's figure). */
const SWEEP_SPEED = 0.5;

export class Explainer {
  private readonly popover = new PopoverHost();
  private readonly entries = new Map<string, Promise<Entry | null>>();
  private readonly maps = new Map<string, Promise<string | null>>();
  /** The titles of the related entries of the cards loaded (see loadId). */
  private readonly titles = new Map<string, string>();
  private candidate: Mark | null = null;
  private open: Mark | null = null;
  private insideCard = false;
  /** Opened from the keyboard or by a tap: stays until Escape, the close button or another term. */
  private sticky = false;
  /** Pinned by the reader: stays until closed, and other terms do not replace it. */
  private pinned = false;
  private dwellTimer = 0;
  private prepareTimer = 0;
  /** The mark whose card is rendered unseen, waiting for its dwell to end. */
  private prepared: Mark | null = null;
  private graceTimer = 0;

  constructor(
    private readonly entryId: (mark: Mark) => string,
    private readonly published: string | null,
    private readonly settings: Settings,
    private readonly onActive: (mark: Mark | null) => void,
    signal: AbortSignal,
  ) {
    signal.addEventListener("abort", () => this.close(), { once: true });
  }

  onPointer({ mark, speed, mayOpen, rest }: PointerSample): void {
    // A card the reader opened by keyboard or tap is not taken away by a page scrolled under the mouse.
    if (this.pinned || (rest && this.sticky)) return;
    if (mark && mark === this.open) {
      clearTimeout(this.graceTimer);
      return;
    }
    // The dwell runs from the last fast movement: a pointer sweeping over a term keeps restarting it
    // and has left before it ends; a pointer that stops on the term opens it dwellMs later.
    const target = mayOpen ? mark : null;
    if (target !== this.candidate || (target && speed > SWEEP_SPEED)) {
      this.cancelDwell();
      this.candidate = target;
      if (target) {
        void this.load(target); // fetch while the reader dwells, so the card is ready when it ends
        const ahead = Math.max(0, this.settings.dwellMs - PREPARE_AHEAD_MS);
        this.prepareTimer = window.setTimeout(() => void this.prepare(target), ahead);
        this.dwellTimer = window.setTimeout(() => {
          this.dwellTimer = 0;
          void this.show(target);
        }, this.settings.dwellMs);
      }
    }
    if (this.open && !mark && !this.insideCard && !this.sticky) this.scheduleClose();
  }

  /** Drops a dwell under way (the reader began to scroll, select or press): nothing opens from it. */
  cancelDwell(): void {
    clearTimeout(this.prepareTimer);
    if (this.prepared && this.prepared !== this.open) this.popover.hide();
    this.prepared = null;
    if (!this.dwellTimer) return;
    clearTimeout(this.dwellTimer);
    this.dwellTimer = 0;
    this.candidate = null;
  }

  /**
   * The page removed text (a single-page-app navigation, a feed dropping old items): a card open on a
   * term that is gone closes, and a dwell on one stops. Either would otherwise keep the removed content
   * alive (a range holds its whole subtree) and place the card on nothing. Only removal counts: a term
   * whose text the page changed in place keeps its card.
   */
  letGoOfRemoved(): void {
    if (this.open && isRemoved(this.open)) this.close();
    else if (this.candidate && isRemoved(this.candidate)) {
      this.cancelDwell();
      this.candidate = null;
    }
  }

  /** Renders the candidate's card unseen near the dwell's end; not while another card is open. */
  private async prepare(mark: Mark): Promise<void> {
    if (this.open) return;
    const entry = await this.load(mark);
    if (!entry || this.candidate !== mark || this.open) return;
    this.prepared = mark;
    this.render(mark, entry, null, false, true);
  }

  /**
   * A tap on a mark opens its explainer at once, with the link the term sits in. Returns false when
   * it was already open, so that a second tap on a linked term follows the link.
   */
  tap(mark: Mark, link: TermLink): boolean {
    if (mark === this.open) return false;
    this.cancelDwell();
    this.candidate = mark;
    void this.show(mark, "tap", link);
    return true;
  }

  /** A tap outside the card and off any term closes it, unless the reader pinned it. */
  tapOutside(): void {
    if (this.open && !this.pinned) this.close();
  }

  /** Opens the explainer for a mark at once, taking keyboard focus into it: the keyboard route. */
  async showNow(mark: Mark): Promise<void> {
    this.cancelDwell();
    this.candidate = mark;
    await this.show(mark, "keyboard");
  }

  /** Opens a mark's explainer; opened by the keyboard (focus goes in) or a tap, it stays until closed. */
  async show(
    mark: Mark,
    by: "pointer" | "keyboard" | "tap" = "pointer",
    link: TermLink = null,
  ): Promise<void> {
    const entry = await this.load(mark);
    if (!entry || this.candidate !== mark) return;
    clearTimeout(this.graceTimer);
    this.open = mark;
    this.sticky = by !== "pointer";
    this.pinned = false;
    this.onActive(mark);
    this.prepared = null;
    this.render(mark, entry, link, by === "keyboard");
  }

  private render(mark: Mark, entry: Entry, link: TermLink, focus = false, prepare = false): void {
    this.popover.show(
      mark.range,
      {
        entry,
        published: this.published,
        theme: this.settings.theme,
        pinned: this.pinned,
        link,
        titleOf: (id) => this.titles.get(id),
        loadEntry: (id) => this.loadId(id),
        loadMap: (id) => this.loadMap(id),
        onClose: () => this.close(),
        onPin: (pinned) => {
          this.pinned = pinned;
          this.render(mark, entry, link);
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
        // A card the reader pinned stays with its term; any other closes once the term is scrolled away
        // (not when the scroll is the keyboard route's, on its way to the next term: that is the candidate).
        onTermOutOfView: () => {
          if (!this.pinned && this.open === mark && this.candidate === mark) this.close();
        },
      },
      focus,
      prepare,
    );
  }

  close(): void {
    clearTimeout(this.dwellTimer);
    clearTimeout(this.prepareTimer);
    this.prepared = null;
    clearTimeout(this.graceTimer);
    this.popover.hide();
    this.open = null;
    this.candidate = null;
    this.insideCard = false;
    this.sticky = false;
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

  /** An entry for a card, once the titles of its related entries (its chips) are here too. */
  private loadId(id: string): Promise<Entry | null> {
    return cached(this.entries, id, async () => {
      const entry = await callBackground("getEntry", id);
      const related = entry?.related?.filter((other) => !this.titles.has(other)) ?? [];
      if (related.length > 0) {
        const titles = await callBackground("getTitles", related).catch(() => null);
        // Without them the card shows no related entries this time; the next opening asks again.
        if (!titles) this.entries.delete(id);
        for (const [other, title] of Object.entries(titles ?? {})) this.titles.set(other, title);
      }
      return entry;
    });
  }
}

/** Whether the page took a mark's text out of the document. */
function isRemoved({ range }: Mark): boolean {
  return !range.startContainer.isConnected || !range.endContainer.isConnected;
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
