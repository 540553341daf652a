/** The page's table of contents: a link to each section's heading. */
export function AgreementToc({ items }: { items: { id: string; label: string }[] }) {
  return (
    <nav className="toc" aria-label="Sommaire de la page">
      <h2 className="toc-title">Sur cette page</h2>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <a href={`#${item.id}`}>{item.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
