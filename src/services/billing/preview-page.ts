import { billTotals } from '../../domain/billing/bill-line.ts';
import type { ComputedDocument } from './run-compute.ts';

/** Which members of a preview to show: a page of those whose name contains the search (no accent, no case). */
export interface PreviewPageRequest {
  offset: number;
  /** Members per page; undefined for all of them (the CLI). */
  limit?: number | undefined;
  member?: string | undefined;
}

export interface PreviewTotals {
  titles: number;
  titlesCents: number;
  reductions: number;
  reductionsCents: number;
  paymentOrders: number;
  paymentOrdersCents: number;
  issues: number;
}

const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Goes through every member's document once, chunk after chunk: adds it to the run's totals and keeps it only
 * when it falls on the requested page. A national preview (36,000 members, 360,000 explained lines) then holds
 * one page of bills, not all of them, and answers in a few hundred kilobytes.
 */
export class PreviewPage {
  readonly totals: PreviewTotals = { titles: 0, titlesCents: 0, reductions: 0, reductionsCents: 0, paymentOrders: 0, paymentOrdersCents: 0, issues: 0 };
  readonly documents: ComputedDocument[] = [];
  members = 0;
  matching = 0;
  private readonly search: string;

  constructor(private readonly request: PreviewPageRequest) {
    this.search = request.member ? folded(request.member.trim()) : '';
  }

  add(d: ComputedDocument): void {
    this.members++;
    this.totals.issues += d.issues.length;
    if (d.document !== 'none') {
      const amount = Math.abs(billTotals(d.lines).incl);
      if (d.document === 'title') {
        this.totals.titles++;
        this.totals.titlesCents += amount;
      } else if (d.document === 'reduction') {
        this.totals.reductions++;
        this.totals.reductionsCents += amount;
      } else {
        this.totals.paymentOrders++;
        this.totals.paymentOrdersCents += amount;
      }
    }
    if (this.search && !folded(d.organisationName).includes(this.search)) return;
    const position = this.matching++;
    if (position >= this.request.offset && (this.request.limit === undefined || position < this.request.offset + this.request.limit)) this.documents.push(d);
  }
}
