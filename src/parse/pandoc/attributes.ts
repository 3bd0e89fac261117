// Pandoc attributes: "{#fig-map .wide width=50% title="A map"}". Used after headings,
// images, fenced divs, spans, display maths and table captions.

export type Attributes = {
  id?: string;
  classes: string[];
  pairs: Record<string, string>;
};

const ATTR_PART = /\s*(?:#([^\s}]+)|\.([^\s}=]+)|([\w.:-]+)=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s}]+))|(-)(?=[\s}]|$)|([^\s}]+))/gy;

/**
 * Parses the inside of "{…}"; null when it is not an attribute list. A bare word is a
 * class only where Pandoc allows it (a fenced div's or code block's shorthand).
 */
export function parseAttributes(inner: string, allowBare = true): Attributes | null {
  const out: Attributes = { classes: [], pairs: {} };
  ATTR_PART.lastIndex = 0;
  let at = 0;
  const text = inner.trim();
  while (at < text.length) {
    ATTR_PART.lastIndex = at;
    const m = ATTR_PART.exec(text);
    if (!m || m[0].length === 0) break;
    at = ATTR_PART.lastIndex;
    if (m[1] !== undefined) out.id = m[1];
    else if (m[2] !== undefined) out.classes.push(m[2]);
    else if (m[3] !== undefined) out.pairs[m[3]] = m[4] ?? m[5] ?? m[6] ?? "";
    else if (m[7] !== undefined) out.classes.push("unnumbered");
    else if (m[8] !== undefined) {
      // A bare word is allowed only as the first item: "::: callout-note".
      if (!allowBare || out.classes.length || out.id || Object.keys(out.pairs).length) return null;
      out.classes.push(m[8]);
    }
  }
  return at >= text.length ? out : null;
}

/** A trailing "{…}" at the end of `text`: the attributes and where they start. */
export function trailingAttributes(text: string): { attrs: Attributes; start: number } | null {
  const m = /\s*\{([^{}]*)\}\s*$/.exec(text);
  if (!m) return null;
  const attrs = parseAttributes(m[1] ?? "", false);
  return attrs && (attrs.id || attrs.classes.length || Object.keys(attrs.pairs).length) ? { attrs, start: m.index } : null;
}
