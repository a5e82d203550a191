// The words of marked text as content files write it (model/src/rich.rs):
// a string, one mark, or an array of strings and marks. No imports, so the
// bench reads content with it too.

/** The words of `rich`, marks dropped; with `print`, each link to another
 *  site followed by its address, as a printed page shows it. */
export function words(rich, { print = false } = {}) {
  if (typeof rich === 'string') return rich;
  if (Array.isArray(rich)) return rich.map((r) => words(r, { print })).join('');
  if (!rich || typeof rich !== 'object') return '';
  if ('code' in rich) return rich.code;
  if ('link' in rich) {
    const text = words(rich.text, { print });
    return print && /^(https?|mailto):/i.test(rich.link) ? `${text} (${rich.link})` : text;
  }
  return words(rich.em ?? rich.strong ?? rich.sup ?? rich.sub, { print });
}

/** The words of a block's text in `lang`, falling back to English. */
export const blockWords = (block, lang, options) => words(block.text[lang] ?? block.text.en, options);
