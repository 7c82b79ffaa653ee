import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.ts';
import { classifyInstances, classifyResult, topClasses } from '../inference/classes.ts';
import { rankTopK } from '../inference/raw-domains.ts';
import { classNamesOf, classOutputOf, planFor } from '../inference/raw-plan.ts';
import { formatPredict, parsePredict } from '../inference/rest.ts';
import type { TensorInfo, VersionRecord } from '../registry/types.ts';
import { unpack } from '../safe-json.ts';
import { checkLabel, checkName, findVersion, parseVersion, type VersionSpec } from '../resolve.ts';
import { infer, releaseBody, servable } from './inference.ts';
import { params } from './schemas.ts';

const DT: Record<string, string> = { FP32: 'DT_FLOAT', INT32: 'DT_INT32', BOOL: 'DT_BOOL' };

function signatureDef(tensors: TensorInfo[]) {
  return Object.fromEntries(
    tensors.map((t) => [
      t.name,
      {
        dtype: DT[t.datatype],
        tensor_shape: { dim: t.shape.map((d) => ({ size: String(d) })), unknown_rank: false },
        name: t.name,
      },
    ]),
  );
}

/** TF Serving's `GET .../metadata` answer (plus the studio's userDefinedMetadata and note). */
function metadata(record: VersionRecord) {
  return {
    model_spec: { name: record.model, signature_name: 'serving_default', version: String(record.version) },
    metadata: {
      signature_def: {
        signature_def: {
          serving_default: {
            inputs: signatureDef(record.inputs),
            outputs: signatureDef(record.outputs),
            method_name: 'tensorflow/serving/predict',
          },
        },
      },
      user_defined_metadata: record.userDefinedMetadata,
      notes: record.notes,
    },
  };
}

/** Splits `name:verb` (the last path segment of a TF Serving POST); an absent verb is ''. */
function splitVerb(segment: string): { head: string; verb: string } {
  const at = segment.lastIndexOf(':');
  return at < 0 ? { head: segment, verb: '' } : { head: segment.slice(0, at), verb: segment.slice(at + 1) };
}

type P = { name: string; version: string; label: string };

/** TF Serving REST: `:predict` (row and columnar, tensors or raw inputs), `:classify`, `:regress` (501), `/metadata`. */
export const tfServingRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.ctx;
  const { limits } = ctx.config;

  const run = async (request: FastifyRequest, name: string, spec: VersionSpec, verb: string) => {
    if (verb === 'regress')
      throw new HttpError(501, ':regress is not supported by this server; use :predict');
    if (verb !== 'predict' && verb !== 'classify')
      throw new HttpError(400, `unknown method ":${verb.slice(0, 40)}"; use :predict or :classify`);
    const record = await servable(ctx, request, checkName(name), spec);
    const classNames = classNamesOf(record);
    if (verb === 'classify' && !classNames)
      throw new HttpError(501, ':classify needs a classifier published with class names; use :predict');
    const body = verb === 'classify' ? classifyInstances(unpack(request.body)) : request.body;
    const plan = planFor(record);
    const parsed = parsePredict(body, record.inputs, limits, plan);
    releaseBody(request);
    const outputs = await infer(ctx, record, parsed.inputs);
    if (parsed.topK && plan?.kind === 'ids') return rankTopK(plan, parsed.topK, outputs[0]);
    const classes = outputs[Math.max(0, classOutputOf(record))];
    if (verb === 'classify') return classifyResult(classes, classNames!);
    const answer = formatPredict(
      parsed.format,
      outputs,
      record.outputs.map((o) => o.name),
    );
    return classNames ? { ...answer, ...topClasses(classes, classNames) } : answer;
  };

  const predictSchema = (summary: string, ...names: string[]) => ({
    schema: { summary, params: params(...names) },
    // The body's tensors arrive as PackedArray where they can (http.ts); parsePredict takes them.
    config: { pack: 'predict' as const },
  });
  app.post<{ Params: P }>(
    '/v1/models/:name',
    predictSchema('POST /v1/models/{name}:predict', 'name'),
    (request) => {
      const { head, verb } = splitVerb(request.params.name);
      if (verb === '') throw new HttpError(400, 'append :predict to the model path');
      return run(request, head, {}, verb);
    },
  );
  /** Runs before the body is read: an upload to an existing version is refused without reading it. */
  const immutable = async (request: FastifyRequest<{ Params: P }>) => {
    const { head, verb } = splitVerb(request.params.version);
    if (verb !== '') return;
    const version = parseVersion(head);
    await findVersion(ctx.registry, checkName(request.params.name), { version });
    throw new HttpError(
      409,
      `version ${version} already exists and versions are immutable; publish a new one`,
    );
  };
  app.post<{ Params: P }>(
    '/v1/models/:name/versions/:version',
    {
      ...predictSchema('POST /v1/models/{name}/versions/{v}:predict', 'name', 'version'),
      onRequest: immutable,
    },
    (request) => {
      const { head, verb } = splitVerb(request.params.version);
      return run(request, request.params.name, { version: parseVersion(head) }, verb);
    },
  );
  app.put<{ Params: P }>(
    '/v1/models/:name/versions/:version',
    {
      ...predictSchema('Versions are immutable: 409 for an existing version', 'name', 'version'),
      onRequest: immutable,
    },
    () => {
      throw new HttpError(400, 'versions are assigned by the server: POST /v1/models/{name}/versions');
    },
  );
  app.post<{ Params: P }>(
    '/v1/models/:name/labels/:label',
    predictSchema('POST /v1/models/{name}/labels/{label}:predict', 'name', 'label'),
    (request) => {
      const { head, verb } = splitVerb(request.params.label);
      return run(request, request.params.name, { label: checkLabel(head) }, verb);
    },
  );

  const meta = async (request: FastifyRequest, name: string, spec: VersionSpec) =>
    metadata(await servable(ctx, request, checkName(name), spec));
  app.get<{ Params: P }>(
    '/v1/models/:name/metadata',
    predictSchema('Model metadata (TF Serving)', 'name'),
    (r) => meta(r, r.params.name, {}),
  );
  app.get<{ Params: P }>(
    '/v1/models/:name/versions/:version/metadata',
    predictSchema('Version metadata (TF Serving)', 'name', 'version'),
    (r) => meta(r, r.params.name, { version: parseVersion(r.params.version) }),
  );
  app.get<{ Params: P }>(
    '/v1/models/:name/labels/:label/metadata',
    predictSchema('Labelled version metadata (TF Serving)', 'name', 'label'),
    (r) => meta(r, r.params.name, { label: checkLabel(r.params.label) }),
  );
};
