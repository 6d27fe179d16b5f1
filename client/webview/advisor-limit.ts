// The advisor view's runtime-limit field ("Max slowdown (%)"): checked as the user types; Enter asks for a search.
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import { el } from './dom';
import { DEFAULT_MAX_SLOWDOWN_PCT, parseSlowdownText, SLOWDOWN_HINT } from './slowdown';

const FIELD_ID = 'advisor-max-slowdown';
const HINT = 'how much slower than the file the advice may run';

export interface SlowdownFieldEvents {
  /** The text changed (valid or not). */
  changed(): void;
  /** Enter on a valid limit. */
  submit(): void;
}

export class SlowdownField {
  readonly element: HTMLElement;
  private readonly input: VscodeTextfield;
  private readonly hint: HTMLElement;

  constructor(events: SlowdownFieldEvents) {
    this.element = el('div', 'field advisor-limit');
    const label = el('vscode-label');
    label.setAttribute('for', FIELD_ID);
    label.textContent = 'Max slowdown (%)';
    this.input = el('vscode-textfield');
    this.input.id = FIELD_ID;
    this.input.placeholder = String(DEFAULT_MAX_SLOWDOWN_PCT);
    this.input.title = `The advice may run at most this many percent slower than the file as written (${SLOWDOWN_HINT}).`;
    this.hint = el('div', 'field-hint', HINT);
    this.input.addEventListener('input', () => {
      this.check();
      events.changed();
    });
    this.input.addEventListener('keydown', (e: KeyboardEvent) => {
      if (e.key === 'Enter' && this.value() !== undefined) events.submit();
    });
    this.element.append(label, this.input, this.hint);
  }

  /** The typed limit (the default when empty), or undefined while the text is not a limit. */
  value(): number | undefined {
    return parseSlowdownText(this.input.value);
  }

  /** Whether the field is empty (the search then leaves the limit to the advisor's default). */
  isEmpty(): boolean {
    return this.input.value.trim() === '';
  }

  /** Shows a limit (restored, or the one an answer used) unless the user is typing in the field. */
  show(pct: number): void {
    if (document.activeElement !== this.input) this.input.value = String(pct);
    this.check();
  }

  private check(): void {
    const bad = this.value() === undefined;
    this.input.invalid = bad;
    this.hint.textContent = bad ? `Type ${SLOWDOWN_HINT}.` : HINT;
  }
}
