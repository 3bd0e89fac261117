// svg-to-pdfkit sizes a drawing by its root's own width/height attributes (read as CSS
// pixels, 0.75 pt each) when it has them, not by the box it is given: a chart exported
// as <svg width="400" height="200" viewBox="…"> came out three quarters of its box, left
// aligned, with a gap above its caption. The root's viewport is made the box's instead.

/** The SVG with its root element's width and height replaced by a viewBox of the same size. */
export function boxedSvg(svg: string, width: number, height: number): string {
  return svg.replace(/<svg\b[^>]*>/i, (root) => {
    const sized = /\s(?:width|height)\s*=/i.test(root);
    if (!sized) return root;
    const bare = root.replace(/\s(?:width|height)\s*=\s*(?:"[^"]*"|'[^']*')/gi, "");
    return /\sviewBox\s*=/i.test(bare) ? bare : bare.replace(/^<svg\b/i, `<svg viewBox="0 0 ${width} ${height}"`);
  });
}
