/**
 * `<theme-toggle>`: shows its button once scripts run (a dead button without JS would mislead),
 * reflects the current theme in `aria-pressed`, and persists the reader's choice.
 */

type Theme = "light" | "dark";

function currentTheme(): Theme {
  const set = document.documentElement.dataset["theme"];
  if (set === "light" || set === "dark") return set;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

class ThemeToggle extends HTMLElement {
  #button: HTMLButtonElement | null = null;

  connectedCallback(): void {
    this.#button = this.querySelector("button");
    if (!this.#button) return;
    this.#button.hidden = false;
    this.#sync();
    this.#button.addEventListener("click", () => {
      const next: Theme = currentTheme() === "dark" ? "light" : "dark";
      document.documentElement.dataset["theme"] = next;
      try {
        localStorage.setItem("theme", next);
      } catch {
        // Storage blocked (private mode): the choice holds for this page only.
      }
      this.#sync();
    });
  }

  #sync(): void {
    this.#button?.setAttribute("aria-pressed", String(currentTheme() === "dark"));
  }
}

/** Registers the element once, however many pages' scripts call it. */
export function defineThemeToggle(): void {
  if (!customElements.get("theme-toggle")) customElements.define("theme-toggle", ThemeToggle);
}
