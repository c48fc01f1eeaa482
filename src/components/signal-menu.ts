/**
 * "Send signal", beside Stop: a menu button (the WAI-ARIA menu button pattern) whose items send
 * the running program SIGTERM (`kill PID`: its handler runs, or its default action ends it) or
 * SIGKILL (`kill -9 PID`: ended at once). Stop stays Ctrl+C. Keyboard: Enter, Space or the
 * arrows open it on an item; the arrows, Home and End move; Escape closes it (and does not press
 * Stop); Tab leaves it closed.
 */
export type SentSignal = "SIGTERM" | "SIGKILL";

const ITEMS: readonly { signal: SentSignal; label: string; hint: string }[] = [
  { signal: "SIGTERM", label: "Send SIGTERM", hint: "ask it to end, as kill PID does" },
  { signal: "SIGKILL", label: "Send SIGKILL", hint: "end it at once, as kill -9 PID does" },
];

export class SignalMenu {
  readonly element = document.createElement("div");
  readonly button = document.createElement("button");
  readonly #menu = document.createElement("div");
  readonly #items: HTMLButtonElement[];
  /** What an item does; the block sets it to its run's `signal`. */
  onSend: (signal: SentSignal) => void = () => undefined;

  constructor(idPrefix: string) {
    this.element.className = "pb-signal";
    Object.assign(this.button, { type: "button", className: "pb-button pb-signal-button" });
    this.button.textContent = "Send signal";
    this.button.disabled = true;
    this.button.setAttribute("aria-haspopup", "menu");
    this.button.setAttribute("aria-expanded", "false");
    this.button.setAttribute("aria-controls", (this.#menu.id = `${idPrefix}-signals`));
    this.#menu.className = "pb-signal-menu";
    this.#menu.setAttribute("role", "menu");
    this.#menu.setAttribute("aria-label", "Signals");
    this.#menu.hidden = true;
    this.#items = ITEMS.map(({ signal, label, hint }) => {
      const item = Object.assign(document.createElement("button"), {
        type: "button",
        tabIndex: -1,
      });
      item.setAttribute("role", "menuitem");
      item.append(
        label,
        Object.assign(document.createElement("span"), { textContent: ` — ${hint}` }),
      );
      item.addEventListener("click", () => {
        this.close(true);
        this.onSend(signal);
      });
      return item;
    });
    this.#menu.append(...this.#items);
    this.element.append(this.button, this.#menu);
    this.button.addEventListener("click", () => {
      if (this.#menu.hidden) this.open(0);
      else this.close(true);
    });
    this.button.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      event.preventDefault();
      this.open(event.key === "ArrowDown" ? 0 : this.#items.length - 1);
    });
    this.#menu.addEventListener("keydown", (event) => {
      this.#key(event);
    });
    this.element.addEventListener("focusout", (event) => {
      if (!this.element.contains(event.relatedTarget as Node | null)) this.close(false);
    });
  }

  /** Usable only while a program runs; closing it when it stops. */
  setEnabled(enabled: boolean): void {
    this.button.disabled = !enabled;
    if (!enabled) this.close(false);
  }

  open(index: number): void {
    if (this.button.disabled) return;
    this.#menu.hidden = false;
    this.button.setAttribute("aria-expanded", "true");
    this.#items[index]?.focus();
  }

  close(focusButton: boolean): void {
    if (this.#menu.hidden) return;
    this.#menu.hidden = true;
    this.button.setAttribute("aria-expanded", "false");
    if (focusButton) this.button.focus();
  }

  #key(event: KeyboardEvent): void {
    const at = this.#items.indexOf(document.activeElement as HTMLButtonElement);
    const last = this.#items.length - 1;
    const go: Record<string, number> = {
      ArrowDown: at >= last ? 0 : at + 1,
      ArrowUp: at <= 0 ? last : at - 1,
      Home: 0,
      End: last,
    };
    if (event.key in go) {
      event.preventDefault();
      this.#items[go[event.key] ?? 0]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation(); // Escape closes the menu; it is not Stop here
      this.close(true);
    } else if (event.key === "Tab") {
      this.close(false);
    }
  }
}
