/**
 * Agent text as markdown, safely: raw HTML is skipped (no rehype-raw), links
 * are buttons that go through the console's external-link confirmation (https
 * only), and images are never fetched — their alt text and address are shown.
 */
import { memo, useMemo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { useOpenExternal } from '../../components/external-link';
import { safeExternalUrl } from '../../../../shared/external-url';
import { splitMarkdownBlocks, STREAMING_MARKDOWN_LIMIT } from './markdown-blocks';
import { segmentTables, type Segment } from './markdown-tables';

function useComponents(): Components {
  const openExternal = useOpenExternal();
  return useMemo<Components>(
    () => ({
      a: ({ href, children }) => {
        const safe = href ? safeExternalUrl(href) : null;
        if (!safe) {
          return (
            <span className="chat-md__blocked-link" title={href ? `Not an https link: ${href}` : 'Link without an address'}>
              {children}
            </span>
          );
        }
        return (
          <button type="button" className="chat-md__link" title={safe.href} onClick={() => openExternal(safe.href)}>
            {children}
          </button>
        );
      },
      img: ({ alt, src }) => (
        <span className="chat-md__image" title="Images in agent replies are not loaded">
          [image{alt ? `: ${alt}` : ''}]{typeof src === 'string' && src ? ` ${src}` : ''}
        </span>
      ),
    }),
    [openExternal],
  );
}

function Table({ table, components }: { table: Extract<Segment, { kind: 'table' }>; components: Components }) {
  const inline: Components = { ...components, p: ({ children }) => <>{children}</> };
  const cell = (text: string) => (
    <Markdown skipHtml components={inline}>
      {text}
    </Markdown>
  );
  const alignClass = (index: number): string | undefined => {
    const align = table.align[index];
    return align ? `chat-md__cell--${align}` : undefined;
  };
  return (
    <div className="chat-md__table-wrap">
      <table className="chat-md__table">
        <thead>
          <tr>
            {table.header.map((text, index) => (
              <th key={index} className={alignClass(index)}>
                {cell(text)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((text, index) => (
                <td key={index} className={alignClass(index)}>
                  {cell(text)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const Block = memo(function Block({ text, components }: { text: string; components: Components }) {
  const segments = useMemo(() => segmentTables(text), [text]);
  return (
    <div className="chat-md__block">
      {segments.map((segment, index) =>
        segment.kind === 'table' ? (
          <Table key={index} table={segment} components={components} />
        ) : (
          <Markdown key={index} skipHtml components={components}>
            {segment.text}
          </Markdown>
        ),
      )}
    </div>
  );
});

export const AgentMarkdown = memo(function AgentMarkdown({ text, streaming }: { text: string; streaming: boolean }) {
  const components = useComponents();
  const blocks = useMemo(() => splitMarkdownBlocks(text), [text]);
  if (streaming && text.length > STREAMING_MARKDOWN_LIMIT) return <div className="chat-md chat-md--plain">{text}</div>;
  return (
    <div className="chat-md">
      {blocks.map((block, index) => (
        <Block key={index} text={block} components={components} />
      ))}
    </div>
  );
});
