import type { ReactNode } from 'react';

/**
 * The Markdown our own documents use (PRIVACY.md): headings, paragraphs, lists, tables, `code`, **bold** and links.
 * Rendered as React elements, never as HTML.
 */
function inline(text: string, key = 0): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)]+\))/;
  let rest = text;
  let n = key;
  for (let match = pattern.exec(rest); match; match = pattern.exec(rest)) {
    if (match.index) out.push(rest.slice(0, match.index));
    const token = match[0];
    if (token.startsWith('**')) out.push(<strong key={n++}>{token.slice(2, -2)}</strong>);
    else if (token.startsWith('`')) out.push(<code key={n++}>{token.slice(1, -1)}</code>);
    else {
      const [, label, href] = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(token)!;
      out.push(
        href!.startsWith('https://') ? (
          <a key={n++} href={href} target="_blank" rel="noopener noreferrer">
            {label}
          </a>
        ) : (
          label
        ),
      );
    }
    rest = rest.slice(match.index + token.length);
  }
  if (rest) out.push(rest);
  return out;
}

export function MarkdownDocument({ source }: { source: string }) {
  const blocks = source.trim().split(/\n{2,}/);
  return (
    <>
      {blocks.map((block) => {
        const lines = block.split('\n');
        const heading = /^(#{1,3}) (.*)$/.exec(block);
        if (heading && lines.length === 1) {
          const level = heading[1]!.length;
          const Tag = level === 1 ? 'h1' : level === 2 ? 'h2' : 'h3';
          return <Tag key={block}>{inline(heading[2]!)}</Tag>;
        }
        if (lines.every((l) => l.startsWith('|'))) {
          const cells = (line: string) =>
            line
              .slice(1, -1)
              .split('|')
              .map((c) => c.trim());
          const [head, , ...rows] = lines;
          return (
            <table key={block}>
              <thead>
                <tr>
                  {cells(head!).map((c) => (
                    <th key={c}>{inline(c)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row}>
                    {cells(row).map((c, j) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells of a row are positional
                      <td key={j}>{inline(c)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }
        if (lines[0]!.startsWith('- ')) {
          const items: string[] = [];
          for (const line of lines) {
            if (line.startsWith('- ')) items.push(line.slice(2));
            else items[items.length - 1] += ` ${line.trim()}`;
          }
          return (
            <ul key={block}>
              {items.map((item) => (
                <li key={item}>{inline(item)}</li>
              ))}
            </ul>
          );
        }
        return <p key={block}>{inline(lines.join(' '))}</p>;
      })}
    </>
  );
}
