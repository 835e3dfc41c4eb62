// Turns what Csound printed about a failure into one plain sentence and a line number. Csound 6.18 counts lines
// of a CSD's orchestra from the top of the CSD text ("from file *string* (1), line 70", "Line: 43"), so the
// number is the editor's line.

export interface Diagnosis {
  /** What went wrong, in one or two sentences. */
  message: string;
  /** 1-based line in the compiled text, when Csound named one. */
  line: number | null;
}

const LINE = /\bline:?\s*(\d+)/i;

/** The parser's token names, in words. */
const TOKEN_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bT_IDENT\b/g, 'name'],
  [/\bT_OPCODE0?\b/g, 'opcode name'],
  [/\b(NUMBER|INTEGER)_TOKEN\b/g, 'number'],
  [/\bSTRING_TOKEN\b/g, 'string'],
  [/\bNEWLINE\b/g, 'the end of the line'],
];

/** `syntax error, unexpected NUMBER_TOKEN, expecting NEWLINE or ','  (token "0.08")`, reworded. */
const SYNTAX_ERROR = /syntax error, unexpected (.+?)(?:, expecting (.+?))?\s*\(token "(.*?)"\)/;

function inWords(parserText: string): string {
  let text = parserText;
  for (const [token, words] of TOKEN_WORDS) text = text.replace(token, words);
  return text;
}

/** Reads Csound's messages of a failed compile (a CsoundError's `messages`). */
export function diagnoseCompile(messages: readonly string[]): Diagnosis {
  const text = messages.join('');
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.some((l) => /rtmidi|MIDI in device/i.test(l))) {
    return {
      message: 'The CSD asks for MIDI input (-M in <CsOptions>), which this build of the engine cannot open. ' +
        'Remove the -M option; the playground enables MIDI by itself when the engine supports it.',
      line: null,
    };
  }
  if (lines.some((l) => /Could not find <CsoundSynthesizer> tag/i.test(l))) {
    return {
      message: 'The text is not a CSD document: it needs <CsoundSynthesizer> around an <CsInstruments> section ' +
        '(and usually <CsScore>). Pick an example to start from.',
      line: null,
    };
  }
  const first = lines.findIndex((l) => /^error:|INIT ERROR|PERF ERROR/i.test(l));
  let message = first >= 0 ? lines[first].replace(/^error:\s*/i, '') : (lines.find((l) => !/^Parsing failed|^Stopping on/i.test(l)) ?? 'Csound did not say why.');
  const lineMatch = LINE.exec(first >= 0 ? lines.slice(first, first + 6).join('\n') : text);
  const line = lineMatch === null ? null : Number(lineMatch[1]);
  // A syntax error names the token; the next line shows the text around it between >>> and <<<.
  const context = first >= 0 ? lines.slice(first + 1, first + 4).find((l) => l.startsWith('>>>')) : undefined;
  if (context !== undefined) message += ` near “${context.replace(/^>>>\s*|\s*<<<$/g, '')}”`;
  message = message.replace(/\s+/g, ' ').replace(/\s*from file \*string\* \(\d+\),?/, '').trim();
  const syntax = SYNTAX_ERROR.exec(message);
  if (syntax !== null) {
    const [whole, found, expected, token] = syntax;
    const what = /^'.*'$/.test(found) ? found : `${inWords(found)} “${token}”`;
    const wanted = expected === undefined ? '' : `, where Csound expected ${inWords(expected)}`;
    message = message.replace(whole, `syntax error: unexpected ${what}${wanted}`);
  }
  return { message: inWords(message), line };
}

/** Reads one runtime message (INIT ERROR / PERF ERROR while playing); null when it is not one. */
export function diagnoseRuntime(text: string): Diagnosis | null {
  const match = /^(INIT|PERF) ERROR in instr (\S+) \(opcode (\S+)\)(?: line (\d+))?:\s*(.*)$/m.exec(text.trim());
  if (match === null) return null;
  const [, kind, instr, opcode, line, detail] = match;
  const when = kind === 'INIT' ? 'starting a note of' : 'performing';
  return {
    message: `Error while ${when} instr ${instr}: ${opcode} says “${detail.trim()}”.`,
    line: line === undefined ? null : Number(line),
  };
}
