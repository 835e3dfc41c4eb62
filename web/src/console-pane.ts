// Csound's messages, coloured by their attribute (errors red, warnings amber). Csound 6.18 prints its ordinary
// start-up lines with the error attribute too (they go where stderr would), so a message with that attribute is
// red when it reads as an error, or continues one (" from file …", ">>> … <<<", "Line: 12"). Messages arrive in
// pieces and at audio-thread pace; they are collected and written to the page once per animation frame, and the
// pane keeps only the latest lines.
import { CSOUNDMSG_ERROR, CSOUNDMSG_TYPE_MASK, CSOUNDMSG_WARNING } from 'csound-wasm';

const MAX_LINES = 1500;
const ERROR_START = /^\s*(error\b|INIT ERROR|PERF ERROR|Parsing failed|Stopping on parser failure)|\b(failed|not found|unknown)\b/i;
const ERROR_CONTINUATION = /^\s*(from file|>>>|Line:?\s*\d|Found:|Unexpected|Parsing failed|Stopping|\s*$)/i;

type Kind = 'error' | 'warning' | 'note' | '';

export class ConsolePane {
  private readonly root: HTMLElement;
  private pending: Array<{ kind: Kind; text: string }> = [];
  private lines = 0;
  /** The previous message was (part of) an error. */
  private inError = false;

  constructor(root: HTMLElement) {
    this.root = root;
  }

  /** A Csound message (the attr and text of a message callback). */
  message(attr: number, text: string): void {
    const type = attr & CSOUNDMSG_TYPE_MASK;
    let kind: Kind = '';
    if (type === CSOUNDMSG_WARNING || /^\s*WARNING\b/.test(text)) kind = 'warning';
    else if ((type === CSOUNDMSG_ERROR && ERROR_START.test(text)) || (this.inError && ERROR_CONTINUATION.test(text))) kind = 'error';
    this.inError = kind === 'error';
    this.pending.push({ kind, text });
  }

  /** A line from the page itself (not from Csound). */
  note(text: string, kind: Kind = 'note'): void {
    this.pending.push({ kind, text: text.endsWith('\n') ? text : `${text}\n` });
  }

  clear(): void {
    this.pending = [];
    this.root.textContent = '';
    this.lines = 0;
  }

  /** Writes what arrived since the last call. */
  flush(): void {
    if (this.pending.length === 0) return;
    const atBottom = this.root.scrollTop + this.root.clientHeight >= this.root.scrollHeight - 4;
    const fragment = document.createDocumentFragment();
    for (const { kind, text } of this.pending) {
      const span = document.createElement('span');
      if (kind !== '') span.className = kind;
      span.textContent = text;
      fragment.append(span);
      this.lines += countLines(text);
    }
    this.pending = [];
    this.root.append(fragment);
    while (this.lines > MAX_LINES && this.root.firstChild !== null) {
      this.lines -= countLines(this.root.firstChild.textContent ?? '');
      this.root.firstChild.remove();
    }
    if (atBottom) this.root.scrollTop = this.root.scrollHeight;
  }

  /** The text shown, for tests and copying. */
  text(): string {
    return this.root.textContent ?? '';
  }
}

function countLines(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) count++;
  return Math.max(count, 1);
}
