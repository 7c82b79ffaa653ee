/**
 * The upload itself: `model.save(tf.io.http(url, …))`, exactly what the endpoint's publish route expects.
 * A custom `fetchFunc` over XMLHttpRequest reports upload progress in the browser; in Node (tests) it is the
 * global fetch. A refused or failed request becomes an EndpointError before tfjs sees it.
 */
import * as tf from '@tensorflow/tfjs';
import { modelPath, v2Path } from './api';
import { errorFromResponse, unreachable } from './errors';
import type { Endpoint, PublishedVersion, TensorInfo, VersionState } from './types';

/** Progress callbacks of one upload. */
export interface UploadCallbacks {
  /** Fraction of the request body sent (0..1). */
  onProgress?(fraction: number): void;
  /** The whole body was sent; the endpoint now validates and loads the model. */
  onSent?(): void;
}

type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

function responseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const at = line.indexOf(':');
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return headers;
}

/** fetch over XMLHttpRequest, whose `upload.onprogress` is the only way a browser reports bytes sent. */
function xhrFetch(callbacks: UploadCallbacks): FetchLike {
  return (input, init = {}) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(init.method ?? 'GET', String(input));
      new Headers(init.headers).forEach((value, key) => {
        xhr.setRequestHeader(key, value);
      });
      xhr.responseType = 'arraybuffer';
      xhr.upload.onprogress = (e) => e.lengthComputable && callbacks.onProgress?.(e.loaded / e.total);
      xhr.upload.onload = () => callbacks.onSent?.();
      xhr.onload = () => {
        const body = xhr.status === 204 ? null : (xhr.response as ArrayBuffer);
        const headers = responseHeaders(xhr.getAllResponseHeaders());
        resolve(new Response(body, { status: xhr.status, statusText: xhr.statusText, headers }));
      };
      xhr.onerror = () => reject(new TypeError('network error'));
      xhr.onabort = () => reject(new TypeError('aborted'));
      xhr.send(init.body as XMLHttpRequestBodyInit);
    });
}

/** Plain fetch (Node has no XMLHttpRequest): progress jumps from 0 to 1. */
function plainFetch(callbacks: UploadCallbacks): FetchLike {
  return async (input, init) => {
    callbacks.onProgress?.(0);
    const res = await fetch(input, init);
    callbacks.onProgress?.(1);
    callbacks.onSent?.();
    return res;
  };
}

/** Wraps a fetch so that no answer → unreachable, and a non-2xx answer → the mapped EndpointError. */
function checked(base: FetchLike, endpoint: string): FetchLike {
  return async (input, init) => {
    let res: Response;
    try {
      res = await base(input, init);
    } catch {
      throw unreachable(endpoint, 'Publishing');
    }
    if (!res.ok)
      throw errorFromResponse(res.status, await res.text(), res.headers.get('retry-after'), 'Publishing');
    return res;
  };
}

interface CreatedBody {
  model: string;
  version: string;
  state: VersionState;
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  backend: string;
  user_defined_metadata?: Record<string, unknown> | null;
}

/** The absolute URLs of a version: status, `:predict`, model.json and V2 infer. */
export function versionUrls(endpoint: string, name: string, version: number): PublishedVersion['urls'] {
  const rest = `${endpoint}${modelPath(name, version)}`;
  return {
    rest,
    predict: `${rest}:predict`,
    modelJson: `${rest}/model.json`,
    v2Infer: `${endpoint}${v2Path(name, version)}/infer`,
  };
}

/**
 * Publishes `model` as a new version of `name` with `metadata` as its userDefinedMetadata. Resolves with the
 * endpoint's answer; rejects with EndpointError (the model and the stored weights are left untouched).
 */
export async function uploadModel(
  ep: Endpoint,
  name: string,
  model: tf.LayersModel,
  metadata: Record<string, unknown>,
  callbacks: UploadCallbacks = {},
): Promise<PublishedVersion> {
  model.setUserDefinedMetadata(metadata);
  const base = typeof XMLHttpRequest === 'undefined' ? plainFetch(callbacks) : xhrFetch(callbacks);
  const url = `${ep.url}${modelPath(name)}/versions`;
  const handler = tf.io.http(url, {
    requestInit: { method: 'POST', headers: { Authorization: `Bearer ${ep.token}` } },
    fetchFunc: checked(base, ep.url),
  });
  const result = await model.save(handler);
  const body = (await result.responses![0].json()) as CreatedBody;
  const version = Number(body.version);
  const info = result.modelArtifactsInfo;
  return {
    model: body.model,
    version,
    state: body.state,
    inputs: body.inputs,
    outputs: body.outputs,
    backend: body.backend,
    userDefinedMetadata: body.user_defined_metadata ?? null,
    urls: versionUrls(ep.url, name, version),
    bytes: (info.modelTopologyBytes ?? 0) + (info.weightDataBytes ?? 0),
  };
}
