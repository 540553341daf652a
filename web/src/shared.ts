/**
 * The server's pure contracts and domain tables, shared with the web application so that forms
 * validate with the very rules the API applies. Everything re-exported here must stay free of Node APIs.
 */
export * from '../../src/contracts/common.ts';
export * from '../../src/contracts/auth.ts';
export * from '../../src/contracts/organisations.ts';
export * from '../../src/contracts/contacts.ts';
export * from '../../src/contracts/audit.ts';
export * from '../../src/contracts/registry.ts';
export { setupLoadRequestSchema, setupLoadResultSchema, type SetupLoadResult } from '../../src/contracts/setup-file.ts';
export {
  ORGANISATION_KINDS,
  ORGANISATION_KIND_VALUES,
  MEMBERSHIP_STATUSES,
  MEMBERSHIP_STATUS_VALUES,
  EPCI_KINDS,
  type OrganisationKind,
  type MembershipStatus,
} from '../../src/domain/organisation/kinds.ts';
export { CONTACT_ROLES, CONTACT_ROLE_VALUES, cliConflict, type ContactRole } from '../../src/domain/contacts/roles.ts';
export { ACCOUNT_ROLES, ACCOUNT_ROLE_VALUES, can, isMemberRole, type AccountRole, type Permission } from '../../src/domain/access/roles.ts';
export { organisationRuleIssues } from '../../src/domain/organisation/organisation-rules.ts';
export { departementOfInseeCode, inseeCodeError } from '../../src/domain/organisation/identifiers.ts';
export * from '../../src/contracts/catalogue.ts';
export * from '../../src/contracts/agreements.ts';
export * from '../../src/contracts/amendments.ts';
// The five seeds' rules, offered as presets when an agreement is written (pure data; its one import is a type).
export { SEED_RULES } from '../../src/domain/agreements/seed-rules.fixture.ts';
export {
  LINE_KINDS,
  LINE_KIND_VALUES,
  LINE_STATUSES,
  LINE_STATUS_VALUES,
  UNITS,
  UNIT_VALUES,
  nodeKey,
  nodeLabel,
  type Catalogue,
  type LineKind,
  type LineStatus,
  type NodeRef,
  type Unit,
} from '../../src/domain/catalogue/catalogue.ts';
export { layoutCatalogue, type DiagramLayout, type DiagramMetrics, type DiagramNode } from '../../src/domain/catalogue/diagram-layout.ts';
export { optionsKey } from '../../src/domain/catalogue/tariff-grid.ts';
export { cents, formatEurosFr, multiplyRounded, parseEuros, toDecimalString, type Cents } from '../../src/domain/money.ts';
// Pure at run time: its only import of the repositories is a type import, erased by the build.
export { documentToDomain } from '../../src/services/catalogue/catalogue-mapping.ts';
export * from '../../src/contracts/subscriptions.ts';
export * from '../../src/contracts/quotes.ts';
export * from '../../src/contracts/consumption.ts';
export * from '../../src/contracts/time-entries.ts';
export * from '../../src/contracts/operator-invoices.ts';
// The duration rule of time entries (« 1:30 », « 1,5 », « 90 min »), pure: a form checks it as the server does.
export { parseDuration } from '../../src/domain/consumption/time-entries.ts';
export { LINE_STATUS_LABELS, REFUSAL_REASONS, type RefusalReason } from '../../src/domain/subscriptions/workflow.ts';
// The PES settings form checks its body with the very schema the PUT route applies.
export { pesSettingsSchema } from '../../src/contracts/billing.ts';
// Committees, meetings, needs and annual reports (seed 004 art. 3.2 and 4, seed 001 art. 6.3).
export * from '../../src/contracts/governance.ts';
export { COMMITTEE_KINDS, SEAT_ROLES, SEAT_SCOPE_LABELS, type SeatRole } from '../../src/domain/governance/committees.ts';
export { DECISION_KINDS, MEETING_STATUSES, type DecisionKind, type MeetingStatus } from '../../src/domain/governance/meetings.ts';
export { NEED_KINDS, NEED_STATUSES, type NeedKind, type NeedStatus } from '../../src/domain/governance/needs.ts';
export { REPORT_TEXTS, type ReportTextKey } from '../../src/domain/governance/annual-report.ts';
