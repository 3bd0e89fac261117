// The floor plan's boundaries (docs/ARCHITECTURE.md), checked in CI: `npm run deps`.
// Stages may use the shared floor (model, world, text, brand); the floor never reaches up
// into a stage, and the two renderers never reach into each other.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "an import loop", from: {}, to: { circular: true } },
    {
      name: "model-is-the-floor",
      severity: "error",
      comment: "the document model and diagnostics are data: they import no stage",
      from: { path: "^src/model/" },
      to: { path: "^src/(cli|world|load|parse|citations|check|assets|pdf|deck|pipeline)/" },
    },
    {
      name: "text-is-shared",
      severity: "error",
      comment: "the text layer serves the PDF and the deck alike: it imports neither",
      from: { path: "^src/text/" },
      to: { path: "^src/(pdf|deck|pipeline|cli|check)/" },
    },
    {
      name: "world-is-io-only",
      severity: "error",
      comment: "the one door for I/O knows no renderer and no stage",
      from: { path: "^src/world/" },
      to: { path: "^src/(pdf|deck|pipeline|cli|load|parse|citations|check|assets)/" },
    },
    { name: "deck-not-pdf", severity: "error", comment: "the deck reads the model, never the PDF's layout", from: { path: "^src/deck/" }, to: { path: "^src/pdf/" } },
    { name: "pdf-not-deck", severity: "error", comment: "the PDF never reads the deck", from: { path: "^src/pdf/" }, to: { path: "^src/deck/" } },
    {
      name: "stages-not-renderers",
      severity: "error",
      comment: "load, parse, citations, check and assets run before any renderer",
      from: { path: "^src/(load|parse|citations|check|assets)/" },
      to: { path: "^src/(pdf|deck|pipeline|cli)/" },
    },
    // Issue 24: the web edition reads the model (and the text layer, the brand), never another renderer.
    { name: "html-not-pdf-or-deck", severity: "error", comment: "brief.html is made from the model, not from the PDF's layout or the deck", from: { path: "^src/html/" }, to: { path: "^src/(pdf|deck)/" } },
    { name: "links-is-a-check", severity: "error", comment: "the link checker reads the model; it never renders", from: { path: "^src/links/" }, to: { path: "^src/(pdf|deck|html|pipeline|cli)/" } },
    { name: "brand-is-data", severity: "error", from: { path: "^src/brand/" }, to: { path: "^src/(pdf|deck|pipeline|cli|parse|citations|check)/" } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
