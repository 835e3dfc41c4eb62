// The example picker's entries: CSD files in web/examples/, bundled as text. The order here is the menu's order.
const files = import.meta.glob('../examples/*.csd', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface Example {
  id: string;
  title: string;
  text: string;
}

const TITLES: ReadonlyArray<readonly [id: string, title: string]> = [
  ['pad', 'Warm pad'],
  ['fm-bells', 'FM bells'],
  ['granular', 'Granular texture'],
  ['acid-bass', 'Subtractive bass (live filter)'],
  ['drums', 'Drum loop'],
  ['strings', 'Physical models: plucked and bowed strings'],
  ['live-input', 'Live input: echo and ring modulator (microphone)'],
  ['spectral', 'Spectral processing: shift, blur, freeze'],
  ['live-code', 'Live coding with Evaluate'],
  ['midi-synth', 'MIDI synth (Web MIDI)'],
];

export const EXAMPLES: readonly Example[] = TITLES.map(([id, title]) => {
  const text = files[`../examples/${id}.csd`];
  if (text === undefined) throw new Error(`web/examples/${id}.csd is missing`);
  return { id, title, text };
});

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((example) => example.id === id);
}
