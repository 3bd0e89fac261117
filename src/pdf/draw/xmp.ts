// pdfkit copies the Info dictionary's strings into the XMP metadata as they are, so a
// title with "&" or "<" makes every reader's XML parser refuse the PDF's metadata. The
// Info dictionary wants the text itself; only the XMP needs it escaped: the strings are
// escaped for the moment pdfkit writes its XMP, and put back for the Info dictionary.
const XML_TEXT = /[&<>"']/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(text: string): string {
  return text.replace(XML_TEXT, (c) => ENTITY[c] ?? c);
}

interface WithInfo {
  info: Record<string, unknown>;
  _addInfo(): void;
}

export function escapeInfoInXmp(doc: PDFKit.PDFDocument): void {
  const target = doc as unknown as WithInfo;
  const addInfo = target._addInfo.bind(target);
  target._addInfo = () => {
    const info = target.info;
    target.info = Object.fromEntries(Object.entries(info).map(([k, v]) => [k, typeof v === "string" ? escapeXml(v) : v]));
    try {
      addInfo();
    } finally {
      target.info = info;
    }
  };
}
