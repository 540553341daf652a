import { useRef, useState } from 'react';
import { nodePhrase } from '../../lib/catalogue.ts';
import { linesOf } from '../../lib/catalogue-order.ts';
import type { CatalogueView } from '../../shared.ts';
import { FlashMessage, type Flash } from './FlashMessage.tsx';
import { LineCard } from './LineCard.tsx';
import { LineForm } from './LineForm.tsx';

/** A category with its lines; staff who may edit change a line or add one, one form at a time. */
export function CategorySection({
  view,
  code,
  editable,
  flash,
  onSaved,
}: {
  view: CatalogueView;
  code: string;
  editable: boolean;
  flash: Flash;
  onSaved(view: CatalogueView, where: string, text: string): void;
}) {
  const category = view.categories.find((c) => c.code === code)!;
  const lines = linesOf(view, code);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const editRefs = useRef(new Map<string, HTMLButtonElement>());
  const requires = view.dependencies.filter((d) => 'category' in d.from && d.from.category === code);

  function close(focusOn: string | 'new') {
    setEditing(null);
    setTimeout(() => (focusOn === 'new' ? addRef.current : editRefs.current.get(focusOn))?.focus(), 0);
  }

  function saved(next: CatalogueView, text: string) {
    setEditing(null);
    onSaved(next, `categorie-${code}`, text);
  }

  return (
    <section className="category" aria-labelledby={`categorie-${code}`}>
      <div className="section-header">
        <h3 id={`categorie-${code}`}>{category.name}</h3>
        {editable && editing === null ? (
          <button type="button" className="btn btn-secondary btn-small" ref={addRef} onClick={() => setEditing('new')}>
            Ajouter une ligne<span className="sr-only"> à « {category.name} »</span>
          </button>
        ) : null}
      </div>
      {category.description ? <p className="category-description">{category.description}</p> : null}
      {requires.length ? (
        <p className="small">
          <strong>Prérequis :</strong> {requires.map((d) => nodePhrase(view, d.requires)).join(', ')}.
        </p>
      ) : null}
      <FlashMessage flash={flash} where={`categorie-${code}`} />
      {editing === 'new' ? <LineForm view={view} line={null} category={code} onSaved={saved} onCancel={() => close('new')} /> : null}
      {lines.length === 0 ? <p className="empty">Aucune ligne dans cette catégorie.</p> : null}
      <div className="line-cards">
        {lines.map((line) =>
          editing === line.code ? (
            <LineForm key={line.code} view={view} line={line} category={code} onSaved={saved} onCancel={() => close(line.code)} />
          ) : (
            <LineCard
              key={line.code}
              view={view}
              line={line}
              action={
                editable && editing === null ? (
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    ref={(el) => {
                      if (el) editRefs.current.set(line.code, el);
                    }}
                    onClick={() => setEditing(line.code)}
                  >
                    Modifier<span className="sr-only"> la ligne « {line.name} »</span>
                  </button>
                ) : null
              }
            />
          ),
        )}
      </div>
    </section>
  );
}
