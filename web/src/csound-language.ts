// Csound syntax highlighting for CodeMirror 6: a stream tokenizer that knows the sections of a CSD (options,
// orchestra, score), and classes for the token kinds the page's CSS colours. Opcode names are not hard-coded:
// the page asks its own engine for the list (`-z`), so highlighting always matches the opcodes the engine has.
import { StreamLanguage, syntaxHighlighting, type StringStream } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { Tag, tagHighlighter, tags } from '@lezer/highlight';

type Section = 'outside' | 'options' | 'orchestra' | 'score' | 'other';

interface TokenizerState {
  section: Section;
  /** Inside a block comment. */
  blockComment: boolean;
  /** Inside a {{ ... }} string. */
  longString: boolean;
  /** The previous word was `instr` or `opcode`: the next names are a definition. */
  definition: boolean;
}

/** Token kinds of this language, each with a tag of its own so that they get distinct classes. */
const csoundTags = {
  opcode: Tag.define(tags.variableName),
  pfield: Tag.define(tags.variableName),
  instrument: Tag.define(tags.definitionKeyword),
  definedName: Tag.define(tags.className),
  header: Tag.define(tags.variableName),
  scoreStatement: Tag.define(tags.keyword),
  csdTag: Tag.define(tags.tagName),
  macro: Tag.define(tags.macroName),
};

/** Class names the page's stylesheet colours ("cs-opcode" and so on). */
const highlighter = tagHighlighter([
  { tag: csoundTags.opcode, class: 'cs-opcode' },
  { tag: csoundTags.pfield, class: 'cs-pfield' },
  { tag: csoundTags.instrument, class: 'cs-instr' },
  { tag: csoundTags.definedName, class: 'cs-instr-name' },
  { tag: csoundTags.header, class: 'cs-header' },
  { tag: csoundTags.scoreStatement, class: 'cs-score-statement' },
  { tag: csoundTags.csdTag, class: 'cs-tag' },
  { tag: csoundTags.macro, class: 'cs-macro' },
  { tag: tags.keyword, class: 'cs-keyword' },
  { tag: tags.comment, class: 'cs-comment' },
  { tag: tags.string, class: 'cs-string' },
  { tag: tags.number, class: 'cs-number' },
  { tag: tags.variableName, class: 'cs-variable' },
  { tag: tags.operator, class: 'cs-operator' },
]);

const INSTRUMENT_WORDS = new Set(['instr', 'endin', 'opcode', 'endop']);
const CONTROL_WORDS = new Set([
  'if', 'then', 'ithen', 'kthen', 'else', 'elseif', 'endif', 'while', 'do', 'od', 'until', 'enduntil',
  'goto', 'igoto', 'kgoto', 'tigoto', 'cigoto', 'ckgoto', 'cggoto', 'cngoto', 'timout', 'reinit', 'rigoto',
  'rireturn', 'return', 'init',
]);
const HEADER_WORDS = new Set(['sr', 'kr', 'ksmps', 'nchnls', 'nchnls_i', '0dbfs', 'A4']);

function sectionOfTag(tag: string, closing: boolean): Section {
  if (closing) return tag === 'csoundsynthesizer' ? 'outside' : 'other';
  if (tag === 'csoptions') return 'options';
  if (tag === 'csinstruments') return 'orchestra';
  if (tag === 'csscore') return 'score';
  return 'other';
}

/** A CodeMirror extension: the Csound language, its highlighter, and the current opcode names. */
export function csoundLanguage(opcodes: ReadonlySet<string>): Extension {
  const language = StreamLanguage.define<TokenizerState>({
    name: 'csound',
    startState: () => ({ section: 'outside', blockComment: false, longString: false, definition: false }),
    token: (stream, state) => readToken(stream, state, opcodes),
    languageData: { commentTokens: { line: ';', block: { open: '/*', close: '*/' } } },
    tokenTable: csoundTags,
  });
  return [language, syntaxHighlighting(highlighter)];
}

function readToken(stream: StringStream, state: TokenizerState, opcodes: ReadonlySet<string>): string | null {
  if (state.blockComment) {
    if (stream.skipTo('*/')) {
      stream.pos += 2;
      state.blockComment = false;
    } else {
      stream.skipToEnd();
    }
    return 'comment';
  }
  if (state.longString) {
    if (stream.skipTo('}}')) {
      stream.pos += 2;
      state.longString = false;
    } else {
      stream.skipToEnd();
    }
    return 'string';
  }
  if (stream.sol()) state.definition = false;
  if (stream.eatSpace()) return null;

  const tag = stream.match(/^<(\/?)(CsoundSynthesizer|CsOptions|CsInstruments|CsScore|CsLicen[cs]e|CsShortLicense|CsFileB|CsSampleB|CsMidifileB|Cabbage)[^>]*>/i);
  if (tag && typeof tag !== 'boolean') {
    state.section = sectionOfTag(tag[2].toLowerCase(), tag[1] === '/');
    return 'csdTag';
  }
  if (stream.match(';') || stream.match('//')) {
    stream.skipToEnd();
    return 'comment';
  }
  if (stream.match('/*')) {
    state.blockComment = true;
    return 'comment';
  }
  if (stream.match('{{')) {
    state.longString = true;
    return 'string';
  }
  if (stream.peek() === '"') {
    stream.next();
    let escaped = false;
    for (let ch = stream.next(); ch !== undefined; ch = stream.next()) {
      if (ch === '"' && !escaped) break;
      escaped = !escaped && ch === '\\';
    }
    return 'string';
  }
  if (stream.match(/^#\s*(define|include|undef|ifdef|ifndef|else|end|includestr)\b/) || stream.match(/^\$\w+\.?/)) {
    return 'macro';
  }
  if (state.section === 'options' || state.section === 'other' || state.section === 'outside') {
    stream.next();
    return null;
  }
  if (stream.match(/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/)) {
    return state.section === 'orchestra' && stream.current() === '0' && stream.match('dbfs') ? 'header' : 'number';
  }
  const word = stream.match(/^[A-Za-z_][A-Za-z0-9_.]*/);
  if (word && typeof word !== 'boolean') {
    return state.section === 'score' ? scoreWord(word[0], stream) : orchestraWord(word[0], state, opcodes);
  }
  if (stream.match(/^[-+*/%^=<>!&|?:#~]+/)) return 'operator';
  stream.next();
  return null;
}

function orchestraWord(word: string, state: TokenizerState, opcodes: ReadonlySet<string>): string {
  if (state.definition) return 'definedName';
  if (INSTRUMENT_WORDS.has(word)) {
    state.definition = word === 'instr' || word === 'opcode';
    return 'instrument';
  }
  if (/^p\d+$/.test(word)) return 'pfield';
  if (HEADER_WORDS.has(word)) return 'header';
  if (CONTROL_WORDS.has(word)) return 'keyword';
  // Opcodes may carry a rate suffix (`vco2`, `tab:k`) — the tokenizer stops at ':'; strip a `.` tail too.
  const base = word.includes('.') ? word.slice(0, word.indexOf('.')) : word;
  if (opcodes.has(base)) return 'opcode';
  return 'variableName';
}

function scoreWord(word: string, stream: StringStream): string {
  // Score statements are single letters at the start of a statement: i, f, e, t, a, b, m, n, r, s, v, x, y, {, }.
  if (/^[abefimnqrstvxy]$/.test(word) || /^[abefimnqrstvxy]\d/.test(word)) {
    if (word.length > 1) stream.backUp(word.length - 1);
    return 'scoreStatement';
  }
  return 'variableName';
}
