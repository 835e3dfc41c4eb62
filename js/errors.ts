/** A message Csound printed: its text and its attribute bits (CSOUNDMSG_ERROR, CSOUNDMSG_WARNING, ...). */
export interface CsoundMessage {
  attr: number;
  text: string;
}

/**
 * The one error type of the package. `code` is Csound's return code (CSOUND_ERROR = -1, ... or the value that
 * failed), `operation` names the call, `messages` holds what Csound printed during that call.
 */
export class CsoundError extends Error {
  readonly code: number;
  readonly operation: string;
  readonly messages: string[];

  constructor(operation: string, code: number, detail: string, messages: string[] = []) {
    const errorLines = messages.map((m) => m.trim()).filter((m) => m.length > 0);
    const tail = errorLines.length > 0 ? `\n${errorLines.slice(-8).join('\n')}` : '';
    super(`${operation} failed (code ${code}): ${detail}${tail}`);
    this.name = 'CsoundError';
    this.code = code;
    this.operation = operation;
    this.messages = messages.slice(); // its own copy: the instance goes on collecting into the array it passed
  }
}
