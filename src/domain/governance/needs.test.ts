import { describe, expect, it } from 'vitest';
import { parseCivilDate as d } from '../civil-date.ts';
import { awaitsCommittee, needTransition, type NeedEvent, type NeedState } from './needs.ts';

const on = d('2026-03-15');
const need = (status: NeedState['status']): NeedState => ({ kind: 'need', status });
const acquisition = (status: NeedState['status'], favourable?: boolean): NeedState => ({ kind: 'acquisition', status, advice: favourable === undefined ? undefined : { favourable, text: 'avis', on } });

describe('needs register (seed 004 art. 3.2, art. 4)', () => {
  it.each<[string, NeedState, NeedEvent, string]>([
    ['the CLI transmits its yearly need', need('draft'), { kind: 'submit', on }, 'submitted'],
    ['the operational committee gathers it', need('submitted'), { kind: 'gather', on }, 'gathered'],
    ['the strategic committee puts it on the roadmap', need('gathered'), { kind: 'prioritise', on, priority: 1, roadmapYear: 2027, budgetCents: 1_500_000 }, 'prioritised'],
    ['or declines it with a reason', need('gathered'), { kind: 'decline', on, reason: 'Hors périmètre' }, 'declined'],
    ['a roadmap item is done', need('prioritised'), { kind: 'complete', on }, 'done'],
    ['a draft need is not prioritised', need('draft'), { kind: 'prioritise', on, priority: 1, roadmapYear: 2027 }, 'Impossible d’inscrire à la feuille de route : statut « Brouillon ».'],
    ['a priority starts at 1', need('gathered'), { kind: 'prioritise', on, priority: 0, roadmapYear: 2027 }, 'Le rang de priorité est un entier à partir de 1.'],
    ['a need is not validated like an acquisition', need('submitted'), { kind: 'validate', on }, 'On ne peut pas valider un besoin.'],
  ])('%s', (_label, state, event, expected) => {
    const result = needTransition(state, event);
    expect(result.ok ? result.state.status : result.reason).toBe(expected);
  });
});

describe('acquisition requests: advice and validation before the member orders (seed 004 art. 3.2, 9.2.2)', () => {
  it.each<[string, NeedState, NeedEvent, string]>([
    ['the provider advises', acquisition('submitted'), { kind: 'advise', on, favourable: true, text: 'Modèle conforme au socle' }, 'advised'],
    ['an advice is reasoned', acquisition('submitted'), { kind: 'advise', on, favourable: true, text: ' ' }, "L'avis est motivé."],
    ['a favourable advice is validated', acquisition('advised', true), { kind: 'validate', on }, 'validated'],
    ['an unfavourable advice is not validated', acquisition('advised', false), { kind: 'validate', on }, "L'avis rendu est défavorable : la demande se refuse ou reçoit un nouvel avis."],
    ['it may be refused with a reason', acquisition('advised', false), { kind: 'refuse', on, reason: 'Poste non compatible' }, 'refused'],
    ['a draft is not validated', acquisition('draft'), { kind: 'validate', on }, 'Impossible de valider : statut « Brouillon ».'],
    ['an acquisition is not gathered by a committee', acquisition('submitted'), { kind: 'gather', on }, 'On ne peut pas retenir une demande d’acquisition.'],
  ])('%s', (_label, state, event, expected) => {
    const result = needTransition(state, event);
    expect(result.ok ? result.state.status : result.reason).toBe(expected);
  });

  it('keeps the roadmap figures with the prioritised need', () => {
    const result = needTransition(need('gathered'), { kind: 'prioritise', on, priority: 2, roadmapYear: 2027, budgetCents: 800_000, resources: '20 jours DMSI' });
    expect(result).toEqual({ ok: true, state: { kind: 'need', status: 'prioritised', roadmap: { priority: 2, year: 2027, budgetCents: 800_000, resources: '20 jours DMSI' } } });
  });

  it.each<[NeedState, boolean]>([
    [need('submitted'), true],
    [need('gathered'), true],
    [need('draft'), false],
    [acquisition('submitted'), false],
  ])('%j awaits a committee: %s', (state, expected) => expect(awaitsCommittee(state)).toBe(expected));
});
