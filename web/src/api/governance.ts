import { z } from 'zod';
import {
  annualReportSchema,
  committeeSchema,
  kpiSchema,
  meetingSchema,
  meetingSummarySchema,
  needSchema,
  type annualReportInputSchema,
  type decisionInputSchema,
  type meetingEventSchema,
  type meetingInputSchema,
  type meetingUpdateSchema,
  type needEventInputSchema,
  type needInputSchema,
} from '../shared.ts';
import { queryString, request } from './client.ts';

export type MeetingInput = z.input<typeof meetingInputSchema>;
export type MeetingUpdate = z.input<typeof meetingUpdateSchema>;
export type MeetingEvent = z.input<typeof meetingEventSchema>;
export type DecisionInput = z.input<typeof decisionInputSchema>;
export type NeedInput = z.input<typeof needInputSchema>;
export type NeedEventInput = z.input<typeof needEventInputSchema>;
export type AnnualReportInput = z.input<typeof annualReportInputSchema>;

const id = encodeURIComponent;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Committees and their meetings (provider staff), the needs register, the annual reports of agreements. */
export const governanceApi = {
  committees: (filter: { providerId?: string }, signal?: AbortSignal) => request('GET', '/committees', { query: filter, schema: z.array(committeeSchema), ...withSignal(signal) }),
  committee: (committeeId: string, signal?: AbortSignal) => request('GET', `/committees/${id(committeeId)}`, { schema: committeeSchema, ...withSignal(signal) }),
  meetings: (filter: { providerId?: string; committeeId?: string }, signal?: AbortSignal) =>
    request('GET', '/meetings', { query: filter, schema: z.array(meetingSummarySchema), ...withSignal(signal) }),
  meeting: (meetingId: string, signal?: AbortSignal) => request('GET', `/meetings/${id(meetingId)}`, { schema: meetingSchema, ...withSignal(signal) }),
  schedule: (committeeId: string, body: MeetingInput) => request('POST', `/committees/${id(committeeId)}/meetings`, { body, schema: meetingSchema }),
  editMeeting: (meetingId: string, body: MeetingUpdate) => request('PATCH', `/meetings/${id(meetingId)}`, { body, schema: meetingSchema }),
  meetingEvent: (meetingId: string, body: MeetingEvent) => request('POST', `/meetings/${id(meetingId)}/events`, { body, schema: meetingSchema }),
  decide: (meetingId: string, body: DecisionInput) => request('POST', `/meetings/${id(meetingId)}/decisions`, { body, schema: meetingSchema }),
  needs: (filter: { providerId?: string; organisationId?: string; year?: number }, signal?: AbortSignal) =>
    request('GET', '/needs', { query: filter, schema: z.array(needSchema), ...withSignal(signal) }),
  recordNeed: (body: NeedInput) => request('POST', '/needs', { body, schema: needSchema }),
  needEvent: (needId: string, body: NeedEventInput) => request('POST', `/needs/${id(needId)}/events`, { body, schema: needSchema }),
  report: (agreementId: string, year: number, signal?: AbortSignal) => request('GET', `/agreements/${id(agreementId)}/annual-reports/${year}`, { schema: annualReportSchema, ...withSignal(signal) }),
  saveReport: (agreementId: string, year: number, body: AnnualReportInput) => request('PUT', `/agreements/${id(agreementId)}/annual-reports/${year}`, { body, schema: annualReportSchema }),
  finaliseReport: (agreementId: string, year: number, expectedUpdatedAt: string) =>
    request('POST', `/agreements/${id(agreementId)}/annual-reports/${year}/final`, { body: { expectedUpdatedAt }, schema: annualReportSchema }),
  /** A plain link: the browser downloads the report with the session cookie. */
  reportUrl: (agreementId: string, year: number, format: 'pdf' | 'docx') => `/api/v1/agreements/${id(agreementId)}/annual-reports/${year}/document${queryString({ format })}`,
};

/** The operational committee's indicators of a provider for a year, and their export as a plain link. */
export const kpiApi = {
  get: (providerId: string, query: { year: number; organisationId?: string }, signal?: AbortSignal) =>
    request('GET', `/providers/${id(providerId)}/kpis`, { query, schema: kpiSchema, ...withSignal(signal) }),
  exportUrl: (providerId: string, query: { year: number; organisationId?: string; format: 'csv' | 'xlsx' }) => `/api/v1/providers/${id(providerId)}/kpis/export${queryString(query)}`,
};
