import { useState } from 'react';
import { SelectField, TextAreaField } from '../forms.tsx';
import { describeRules } from '../../lib/agreements.ts';
import { agreementRulesSchema, SEED_RULES } from '../../shared.ts';

type Preset = keyof typeof SEED_RULES;

/** The five example agreements' rules, named by what sets them apart. */
const PRESETS: Record<Preset, string> = {
  '000': 'Exemple 000 : un an, renouvelé seulement par courrier exprès, préavis de 6 mois avant l’échéance',
  '001': 'Exemple 001 : quatre ans reconduits tacitement, sortie 8 mois après le courrier',
  '002': 'Exemple 002 : deux ans reconduits tacitement, sortie à la date anniversaire (préavis de 3 mois)',
  '003': 'Exemple 003 : sans terme, en vigueur après le procès-verbal de mise en service, sortie au 1er janvier',
  '004': 'Exemple 004 : un an dès l’exercice suivant la signature, reconduit jusqu’à 2026, sortie en fin d’exercice',
};

/** The rules read back in French sentences while they are typed, when they are valid. */
function RulesPreview({ text }: { text: string }) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = agreementRulesSchema.safeParse(value);
  if (!parsed.success) return null;
  return (
    <div className="rules-preview">
      <p className="field-label">Ces règles en clair</p>
      <ul className="rule-list">
        {describeRules({ rules: parsed.data, effectiveOn: null, expressRenewals: 0 }).map((s) => (
          <li key={s.term}>
            <strong>{s.term}</strong> : {s.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Rules from one of the examples, then adjusted as JSON if need be (the server checks them too). */
export function RulesField({ id, value, error, onChange }: { id: string; value: string; error?: string | undefined; onChange(value: string): void }) {
  const [preset, setPreset] = useState<Preset | ''>('');
  return (
    <fieldset className="panel fieldset-panel">
      <legend>Règles</legend>
      <p className="field-hint">Les dates de prise d'effet, de dénonciation et d'échéance en sont calculées. Partez de l'exemple le plus proche, puis ajustez-le.</p>
      <div className="inline-form">
        <SelectField id={`${id}-modele`} label="Modèle de règles" value={preset} onChange={(e) => setPreset(e.target.value as Preset | '')}>
          <option value="">Choisir un exemple…</option>
          {Object.entries(PRESETS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </SelectField>
        <div className="form-actions field">
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => (preset ? onChange(JSON.stringify(SEED_RULES[preset], null, 2)) : document.getElementById(`${id}-modele`)?.focus())}
          >
            Reprendre ce modèle
          </button>
        </div>
      </div>
      <TextAreaField
        id={id}
        className="code-field"
        label="Règles (JSON)"
        hint="Reprendre un modèle remplace ce texte. Format : celui des fichiers de paramétrage (rubrique rules)."
        required
        rows={14}
        spellCheck={false}
        value={value}
        error={error}
        onChange={(e) => onChange(e.target.value)}
      />
      <RulesPreview text={value} />
    </fieldset>
  );
}
