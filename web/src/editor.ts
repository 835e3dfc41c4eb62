// The CSD editor: CodeMirror 6 with the Csound language, keys for Evaluate and Play, a marked error line, and
// a brief highlight of the code that Evaluate sent.
import { Compartment, EditorState, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, keymap, type DecorationSet } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { csoundLanguage } from './csound-language.js';

const setErrorLine = StateEffect.define<number | null>();
const setEvaluated = StateEffect.define<{ from: number; to: number } | null>();

const errorLineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    decorations = decorations.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (effect.is(setErrorLine)) {
        const line = effect.value;
        if (line === null || line < 1 || line > transaction.state.doc.lines) decorations = Decoration.none;
        else decorations = Decoration.set([Decoration.line({ class: 'cm-error-line' }).range(transaction.state.doc.line(line).from)]);
      }
    }
    return decorations;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const evaluatedField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    decorations = decorations.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (effect.is(setEvaluated)) {
        decorations = effect.value === null || effect.value.from === effect.value.to
          ? Decoration.none
          : Decoration.set([Decoration.mark({ class: 'cm-evaluated' }).range(effect.value.from, effect.value.to)]);
      }
    }
    return decorations;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export interface EditorActions {
  evaluate(): void;
  play(): void;
  changed(): void;
}

/** Code picked for Evaluate, with where it is in the document. */
export interface EvaluationTarget {
  text: string;
  from: number;
  to: number;
  /** 1-based line of `from`. */
  line: number;
}

export class CsdEditor {
  readonly view: EditorView;
  private readonly language = new Compartment();

  constructor(parent: HTMLElement, text: string, actions: EditorActions) {
    const keys = keymap.of([
      { key: 'Mod-Enter', run: () => (actions.evaluate(), true) },
      { key: 'Mod-Shift-Enter', run: () => (actions.play(), true) },
    ]);
    const extensions: Extension[] = [
      keys,
      basicSetup,
      EditorView.lineWrapping,
      this.language.of(csoundLanguage(new Set())),
      errorLineField,
      evaluatedField,
      EditorView.updateListener.of((update) => {
        if (update.docChanged) {
          actions.changed();
          if (update.state.field(errorLineField).size > 0) update.view.dispatch({ effects: setErrorLine.of(null) });
        }
      }),
    ];
    this.view = new EditorView({ parent, state: EditorState.create({ doc: text, extensions }) });
  }

  text(): string {
    return this.view.state.doc.toString();
  }

  setText(text: string): void {
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: text },
      selection: { anchor: 0 },
      scrollIntoView: true,
    });
  }

  /** Selects the first occurrence of `snippet`; false when the text has none. */
  select(snippet: string): boolean {
    const at = this.text().indexOf(snippet);
    if (at < 0) return false;
    this.view.dispatch({ selection: { anchor: at, head: at + snippet.length }, scrollIntoView: true });
    return true;
  }

  /** Puts the cursor at the start of the first occurrence of `snippet`; false when the text has none. */
  placeCursor(snippet: string): boolean {
    const at = this.text().indexOf(snippet);
    if (at < 0) return false;
    this.view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
    return true;
  }

  /** Highlights opcodes by these names (the engine's own list). */
  setOpcodes(opcodes: ReadonlySet<string>): void {
    this.view.dispatch({ effects: this.language.reconfigure(csoundLanguage(opcodes)) });
  }

  /** Marks a 1-based line as the error line and scrolls to it; null removes the mark. */
  markErrorLine(line: number | null): void {
    const effects: StateEffect<unknown>[] = [setErrorLine.of(line)];
    if (line !== null && line >= 1 && line <= this.view.state.doc.lines) {
      effects.push(EditorView.scrollIntoView(this.view.state.doc.line(line).from, { y: 'center' }));
    }
    this.view.dispatch({ effects });
  }

  /** Puts the cursor on a 1-based line and focuses the editor. */
  goToLine(line: number): void {
    const target = this.view.state.doc.line(Math.min(Math.max(line, 1), this.view.state.doc.lines));
    this.view.dispatch({ selection: { anchor: target.from }, scrollIntoView: true });
    this.view.focus();
  }

  /**
   * What Evaluate sends: the selection; without one, the instr…endin (or opcode…endop) block around the cursor;
   * otherwise the cursor's line.
   */
  evaluationTarget(): EvaluationTarget {
    const state = this.view.state;
    const selection = state.selection.main;
    if (!selection.empty) {
      return { text: state.sliceDoc(selection.from, selection.to), from: selection.from, to: selection.to, line: state.doc.lineAt(selection.from).number };
    }
    const doc = state.doc;
    const cursorLine = doc.lineAt(selection.head).number;
    for (let n = cursorLine; n >= 1; n--) {
      const text = doc.line(n).text;
      if (n < cursorLine && /^\s*(endin|endop)\b/.test(text)) break;
      const opening = /^\s*(instr|opcode)\b/.exec(text);
      if (opening === null) continue;
      const closing = opening[1] === 'instr' ? /^\s*endin\b/ : /^\s*endop\b/;
      for (let m = Math.max(n, cursorLine); m <= doc.lines; m++) {
        if (closing.test(doc.line(m).text)) {
          const from = doc.line(n).from;
          const to = doc.line(m).to;
          return { text: state.sliceDoc(from, to), from, to, line: n };
        }
      }
      break;
    }
    const line = doc.line(cursorLine);
    return { text: line.text, from: line.from, to: line.to, line: cursorLine };
  }

  /** Briefly highlights a range (the code Evaluate sent). */
  flash(from: number, to: number): void {
    this.view.dispatch({ effects: setEvaluated.of({ from, to }) });
    setTimeout(() => this.view.dispatch({ effects: setEvaluated.of(null) }), 600);
  }
}
