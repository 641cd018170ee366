import type { ErrorCode, ErrorDetail } from '@lan-toa/contracts';

/** Error thrown for every failed API call; carries the server's `{code, message, details}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly details: ErrorDetail[];

  constructor(status: number, code: ErrorCode | 'NETWORK', message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Called when a request (other than login / session probe) answers 401: the session has ended. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Builds `/api/x?a=1&b=2`, leaving out empty values. */
export function buildUrl(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  /** Do not redirect to /login on 401 (login itself, the session probe). */
  skipAuthRedirect?: boolean;
  signal?: AbortSignal;
}

interface ErrorBodyShape {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** Turns an error response body into an ApiError; tolerant of non-JSON bodies (proxies, crashes). */
export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as ErrorBodyShape | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const details = Array.isArray(error.details) ? (error.details as ErrorDetail[]) : [];
    return new ApiError(status, error.code as ErrorCode, error.message, details);
  }
  return new ApiError(status, status >= 500 || status === 0 ? 'INTERNAL' : 'VALIDATION_FAILED', '');
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', '');
  }

  const body = parseJson(await response.text());
  if (!response.ok) {
    const error = toApiError(response.status, body);
    if (response.status === 401 && !options.skipAuthRedirect) {
      csrfToken = null;
      onUnauthenticated?.();
    }
    throw error;
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  request,
};

export interface UploadOptions {
  onUploadProgress?: (fraction: number) => void;
  /** Called once every byte has been sent; the server is now validating. */
  onUploaded?: () => void;
  /** Text fields sent before the file (a caption). */
  fields?: Record<string, string>;
}

/** Multipart upload through XMLHttpRequest, which (unlike fetch) reports upload progress. */
export function uploadFile<T>(path: string, field: string, file: File, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onUploadProgress?.(event.loaded / event.total);
    };
    xhr.upload.onload = () => {
      options.onUploadProgress?.(1);
      options.onUploaded?.();
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', ''));
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      if (xhr.status === 401) {
        csrfToken = null;
        onUnauthenticated?.();
      }
      reject(toApiError(xhr.status, body));
    };
    const form = new FormData();
    for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
    form.append(field, file);
    xhr.send(form);
  });
}
