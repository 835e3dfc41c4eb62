// What a Csound message is, for a host that shows messages: Csound 6.18 prints its ordinary start-up and
// performance lines ("--Csound version", "orch now loaded", "SECTION 1:", "end of score") with the error attribute
// too, since natively they all go where stderr goes. So a message with that attribute counts as an error when it
// reads as one, or continues one (" from file …", ">>> … <<<", "Line: 12"); warnings have their own attribute or
// start with "WARNING".
import { CSOUNDMSG_ERROR, CSOUNDMSG_TYPE_MASK, CSOUNDMSG_WARNING } from './constants.js';

export type MessageKind = 'error' | 'warning' | 'info';

const ERROR_START = /^\s*(error\b|INIT ERROR|PERF ERROR|Parsing failed|Stopping on parser failure)|\b(failed|not found|unknown)\b/i;
const ERROR_CONTINUATION = /^\s*(from file|>>>|Line:?\s*\d|Found:|Unexpected|Parsing failed|Stopping|\s*$)/i;

/** Classifies a stream of messages (it remembers whether the previous one was part of an error). */
export class MessageClassifier {
  private inError = false;

  /** The kind of one message, given the attribute and text a message callback receives. */
  classify(attr: number, text: string): MessageKind {
    const type = attr & CSOUNDMSG_TYPE_MASK;
    let kind: MessageKind = 'info';
    if (type === CSOUNDMSG_WARNING || /^\s*WARNING\b/.test(text)) kind = 'warning';
    else if ((type === CSOUNDMSG_ERROR && ERROR_START.test(text)) || (this.inError && ERROR_CONTINUATION.test(text))) kind = 'error';
    this.inError = kind === 'error';
    return kind;
  }
}
