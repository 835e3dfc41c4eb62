// Csound's messages, coloured by kind (errors red, warnings amber), as the package's MessageClassifier tells them
// apart (Csound 6.18 prints its ordinary start-up lines with the error attribute too). Messages arrive in pieces
// and at audio-thread pace; they are collected and written to the page once per animation frame, and the pane
// keeps only the latest lines.
import { MessageClassifier } from 'csound-wasm';

const MAX_LINES = 1500;

type Kind = 'error' | 'warning' | 'note' | '';

export class ConsolePane {
  private readonly root: HTMLElement;
  private pending: Array<{ kind: Kind; text: string }> = [];
  private lines = 0;
  private readonly kinds = new MessageClassifier();

  constructor(root: HTMLElement) {
    this.root = root;
  }

  /** A Csound message (the attr and text of a message callback). */
  message(attr: number, text: string): void {
    const kind = this.kinds.classify(attr, text);
    this.pending.push({ kind: kind === 'info' ? '' : kind, text });
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
