export * from './organisations.ts';
export * from './contacts.ts';
export * from './accounts.ts';
export * from './audit.ts';
export * from './catalogue.ts';
export * from './agreements.ts';
export * from './calendar.ts';
export * from './mail.ts';
