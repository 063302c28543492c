// Build-time Mermaid: `rehypeMermaidDiagrams` goes into markdown.processor (unified), the
// `mermaidDiagrams()` integration owns the shared browser's lifetime, diagrams.css the styles.
export { rehypeMermaidDiagrams } from './rehype-mermaid-diagrams.ts';
export { mermaidDiagrams } from './integration.ts';
