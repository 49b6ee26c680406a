/**
 * Copies text that may first have to be fetched. The promise goes into a ClipboardItem at
 * once, while the click's user activation is still valid (Safari and Chrome require it);
 * browsers without promise support in ClipboardItem get writeText after the fetch.
 */
export async function copyText(source: string | (() => Promise<string>)): Promise<void> {
  if (typeof source === 'string') return navigator.clipboard.writeText(source);
  if (typeof ClipboardItem !== 'undefined' && typeof ClipboardItem.supports === 'function' && ClipboardItem.supports('text/plain')) {
    const text = source();
    const blob = text.then((t) => new Blob([t], { type: 'text/plain' }));
    try {
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
      return;
    } catch (error) {
      // The fetch failing is the caller's error; a clipboard refusal falls back to writeText.
      await text;
      if (!(error instanceof DOMException)) throw error;
    }
    return navigator.clipboard.writeText(await text);
  }
  return navigator.clipboard.writeText(await source());
}
