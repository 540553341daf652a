import type { z } from 'zod';
import { errorSchema } from '../shared.ts';

export interface Issue {
  path: string;
  message: string;
}

/** Any failed call: HTTP status (0 when the server could not be reached), error code, French message, issues. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isValidation(): boolean {
    return this.status === 400 || this.status === 422;
  }
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** Builds a query string, leaving out empty values (and `false` flags, which the API would read as true). */
export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

let unauthenticatedHandler: (() => void) | null = null;

/** Called when a request made with a session is answered 401 (session expired or closed elsewhere). */
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

interface RequestOptions<T> {
  query?: Query;
  body?: unknown;
  /** A body sent as is with its own content type (a file upload), instead of JSON. */
  raw?: { contentType: string; data: Blob };
  /** The contract schema the response must match; omitted for 204 answers. */
  schema?: z.ZodType<T>;
  /** Login and "who am I" answer 401 as a normal outcome: do not treat it as an expired session. */
  expect401?: boolean;
  signal?: AbortSignal;
}

export async function request<T = void>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, options: RequestOptions<T> = {}): Promise<T> {
  let response: Response;
  const contentType = options.raw ? options.raw.contentType : options.body !== undefined ? 'application/json' : null;
  try {
    response = await fetch(`/api/v1${path}${queryString(options.query)}`, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(contentType ? { 'content-type': contentType } : {}) },
      body: options.raw ? options.raw.data : options.body !== undefined ? JSON.stringify(options.body) : null,
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Le serveur est injoignable : vérifiez votre connexion puis réessayez.');
  }
  const text = await response.text();
  const json = jsonOf(text);
  if (!response.ok) throw refusal(response.status, json, options.expect401);
  if (!options.schema) return undefined as T;
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    console.error('Réponse inattendue', path, parsed.error.issues);
    throw new ApiError(response.status, 'invalid_response', "La réponse du serveur n'a pas la forme attendue.");
  }
  return parsed.data;
}

function jsonOf(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The error of a refused call, with the server's message and issues when it sent them. */
function refusal(status: number, json: unknown, expect401 = false): ApiError {
  const parsed = errorSchema.safeParse(json);
  const error = parsed.success
    ? new ApiError(status, parsed.data.error, parsed.data.message, parsed.data.issues ?? [])
    : new ApiError(status, 'http', `Le serveur a répondu par une erreur (${status}).`);
  if (status === 401 && !expect401) unauthenticatedHandler?.();
  return error;
}

/** The file name a download announces in its `Content-Disposition` header, if any. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]!);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
}

/**
 * A generated file fetched rather than followed as a link, for routes that may refuse it with reasons (a 422 and its
 * issues): the file and its name, or an `ApiError` like any other call.
 */
export async function requestFile(path: string, signal?: AbortSignal): Promise<{ blob: Blob; fileName: string | null }> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method: 'GET', credentials: 'same-origin', signal: signal ?? null });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Le serveur est injoignable : vérifiez votre connexion puis réessayez.');
  }
  if (!response.ok) throw refusal(response.status, jsonOf(await response.text()));
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
}
