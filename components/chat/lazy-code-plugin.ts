import type { CodeHighlighterPlugin, HighlightOptions, HighlightResult } from 'streamdown';

const themes = ['github-light', 'github-dark'] as const;
let loaded: CodeHighlighterPlugin | undefined;
let loading: Promise<CodeHighlighterPlugin> | undefined;

function load(): Promise<CodeHighlighterPlugin> {
  loading ??= import('@streamdown/code').then(({ createCodePlugin }) => (loaded = createCodePlugin({ themes: [...themes] })));
  return loading;
}

/**
 * Streamdown's code plugin, but Shiki (hundreds of KB) is fetched only when the first code block
 * appears. Until then blocks render as plain monospace text, then repaint highlighted.
 */
export const lazyCodePlugin: CodeHighlighterPlugin = {
  name: 'shiki',
  type: 'code-highlighter',
  getThemes: () => [...themes],
  getSupportedLanguages: () => loaded?.getSupportedLanguages() ?? [],
  supportsLanguage: (language) => loaded?.supportsLanguage(language) ?? true,
  highlight(options: HighlightOptions, callback?: (result: HighlightResult) => void) {
    if (loaded) return loaded.highlight(options, callback);
    void load().then((plugin) => {
      const result = plugin.highlight(options, callback);
      if (result) callback?.(result);
    });
    return null;
  },
};
