import { describeRules, type AgreementDetail } from '../../lib/agreements.ts';

export function AgreementRules({ agreement }: { agreement: AgreementDetail }) {
  const sentences = describeRules(agreement);
  return (
    <section className="section" aria-labelledby="regles">
      <h2 id="regles">Règles</h2>
      <p className="muted">Les règles de la convention, telles qu'elles sont enregistrées ; les dates ci-dessous en sont calculées.</p>
      <ul className="rule-list panel">
        {sentences.map((s) => (
          <li key={s.term}>
            <strong>{s.term}</strong> : {s.text}
            {s.items ? (
              <ul>
                {s.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
