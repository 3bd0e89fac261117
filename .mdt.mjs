import MarkdownIt from "markdown-it";
const md = new MarkdownIt({html:true, linkify:true});
const src = process.argv[2];
for (const t of md.parse(src, {})) console.log(t.type, JSON.stringify(t.info||""), t.map, JSON.stringify(t.content).slice(0,80), t.children ? t.children.map(c=>c.type+":"+JSON.stringify(c.content)).join(" ") : "");
