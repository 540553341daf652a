import { useId, useMemo } from 'react';
import { anchors, diagramSummary, edgePath, layoutDiagram, MARGIN, NAME_LEADING, NAME_SIZE, NOTE_SIZE, type Box } from '../../lib/catalogue-diagram.ts';
import type { CatalogueView } from '../../shared.ts';

/**
 * The "schéma du catalogue" of seed 004 annex 1, drawn from the catalogue (the geometry is
 * `layoutDiagram`'s). The drawing is an image with a title and a summary; the page gives the same links
 * as a text list.
 */
export function CatalogueDiagram({ view }: { view: CatalogueView }) {
  const diagram = useMemo(() => layoutDiagram(view), [view]);
  const summary = diagramSummary(view, diagram);
  const id = useId();
  const points = anchors(diagram);
  const lineLevel = diagram.edges.some((e) => e.lineLevel);
  const viewWidth = diagram.width + 2 * MARGIN;
  const viewHeight = diagram.height + 2 * MARGIN;
  return (
    <figure className="diagram">
      <div className="diagram-scroll" role="region" aria-label="Schéma du catalogue (défilement horizontal sur petit écran)" tabIndex={0}>
        <svg
          role="img"
          aria-labelledby={`${id}-titre`}
          aria-describedby={`${id}-resume`}
          viewBox={`${-MARGIN} ${-MARGIN} ${viewWidth} ${viewHeight}`}
          width={viewWidth}
          height={viewHeight}
          style={{ minWidth: Math.min(720, viewWidth) }}
          className="diagram-svg"
          data-testid="schema-catalogue"
        >
          <title id={`${id}-titre`}>Schéma du catalogue de {view.providerName}</title>
          <desc id={`${id}-resume`}>{summary}</desc>
          <defs>
            <marker id={`${id}-fleche`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className="diagram-arrow" />
            </marker>
          </defs>
          <g className="diagram-edges">
            {diagram.edges.map((edge) => {
              const { fromX, toX } = points.get(edge)!;
              return (
                <path
                  key={`${edge.from}-${edge.to}`}
                  d={edgePath(diagram, edge, fromX, toX)}
                  className={`diagram-edge${edge.lineLevel ? ' is-line-level' : ''}`}
                  markerEnd={`url(#${id}-fleche)`}
                  data-from={edge.from}
                  data-to={edge.to}
                />
              );
            })}
          </g>
          {diagram.boxes.map((box) => (
            <DiagramBox key={box.code} box={box} />
          ))}
        </svg>
      </div>
      <figcaption className="diagram-legend">
        <span className="legend-item">
          <svg width="34" height="14" aria-hidden="true" focusable="false">
            <path d="M 2 7 H 30" className="diagram-edge" markerEnd={`url(#${id}-fleche)`} />
          </svg>
          va d'un prérequis au service qu'il permet de souscrire (les prérequis sont placés en dessous)
        </span>
        {lineLevel ? (
          <span className="legend-item">
            <svg width="34" height="14" aria-hidden="true" focusable="false">
              <path d="M 2 7 H 30" className="diagram-edge is-line-level" markerEnd={`url(#${id}-fleche)`} />
            </svg>
            pointillés : lien entre deux lignes précises (par exemple, le niveau 2 nécessite le niveau 1)
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}

/** One category: its name on as many lines as it needs, and a note under it (lines, billing). */
function DiagramBox({ box }: { box: Box }) {
  const size = box.base ? NAME_SIZE + 2 : NAME_SIZE;
  const textHeight = box.name.length * NAME_LEADING + 6 + NOTE_SIZE;
  const first = box.y + (box.height - textHeight) / 2 + size - 2;
  return (
    <g className={`diagram-box${box.base ? ' is-base' : ''}${box.layer > 1 ? ' is-upper' : ''}`} data-category={box.code} data-layer={box.layer}>
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={6} />
      <text x={box.x + box.width / 2} y={first} textAnchor="middle" className="diagram-name" fontSize={size}>
        {box.name.map((line, i) => (
          <tspan key={i} x={box.x + box.width / 2} dy={i === 0 ? 0 : NAME_LEADING}>
            {line}
          </tspan>
        ))}
      </text>
      <text x={box.x + box.width / 2} y={first + (box.name.length - 1) * NAME_LEADING + 6 + NOTE_SIZE + 2} textAnchor="middle" className="diagram-note" fontSize={NOTE_SIZE}>
        {box.note}
      </text>
    </g>
  );
}
