// A bibliography item in CSL-JSON, the shape citation-js, Pandoc and Zotero share.
/** A CSL-JSON item, as citation-js reads and writes it (only the fields we use are typed). */
export interface CslItem {
  id: string;
  type?: string;
  title?: string;
  author?: Array<{ family?: string; given?: string; literal?: string }>;
  issued?: { "date-parts"?: Array<Array<number | string>>; literal?: string };
  "container-title"?: string;
  publisher?: string;
  URL?: string;
  DOI?: string;
  number?: string;
  [field: string]: unknown;
}
