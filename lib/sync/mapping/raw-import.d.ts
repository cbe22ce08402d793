/** Vite's `?raw` import: a file's text, bundled as a string (contact.ts parses its JSON on first use). */
declare module '*?raw' {
  const text: string;
  export default text;
}
