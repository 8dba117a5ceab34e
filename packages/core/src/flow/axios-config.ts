import { ts } from '../parse/typescript.js';
import { callbackSiteOf } from '../parse/callback-site.js';
import { type FileContext, importOf, importsAnyOf, lookup, textMentions } from './file-context.js';
import { type Binding, unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isCatchClause, isIdentifier, isPropertyAccessExpression } = ts;

/** A request an axios error may come from: the config it was given, and the instance whose defaults it merged. */
export interface AxiosRequest {
  config?: ts.Expression;
  instance?: ts.Expression;
}

const AXIOS: ReadonlySet<string> = new Set(['axios']);
/** Request methods and the position of their config argument. */
const CONFIG_ARG: ReadonlyMap<string, number> = new Map([
  ['get', 1], ['delete', 1], ['head', 1], ['options', 1], ['post', 2], ['put', 2], ['patch', 2], ['request', 0], ['postForm', 2], ['putForm', 2], ['patchForm', 2],
]);

/**
 * The axios requests whose failure `error` (a `catch (error)` variable, or the parameter of a
 * `.catch((error) => ...)` callback on a request) is: `error.config` is the merged config of one of
 * them, headers included (`Authorization` among them). Empty outside files using axios.
 */
export function axiosRequestsFailingInto(error: ts.Identifier, fc: FileContext): AxiosRequest[] {
  if (!textMentions(fc, 'axios') || !importsAnyOf(fc, AXIOS)) return [];
  const binding = lookup(fc, error);
  if (binding?.kind === 'var' && isCatchClause(binding.node.parent)) {
    const tryBlock = binding.node.parent.parent.tryBlock;
    return fc.collected.calls.flatMap((call) => (isCallExpression(call) && call.pos >= tryBlock.pos && call.end <= tryBlock.end ? requestOf(call, fc) : []));
  }
  if (binding?.kind !== 'param' || binding.index !== 0 || binding.proj.length > 0) return [];
  const site = callbackSiteOf(binding.fn);
  if (site?.index !== 0) return [];
  const callee = unwrap(site.call.expression);
  if (!isPropertyAccessExpression(callee) || callee.name.text !== 'catch') return [];
  // `axios.get(url, config).then(...).catch((error) => ...)`
  let request = unwrap(callee.expression);
  while (isCallExpression(request) && isPropertyAccessExpression(request.expression) && request.expression.name.text === 'then') request = unwrap(request.expression.expression);
  return isCallExpression(request) ? requestOf(request, fc) : [];
}

/** `axios.get(url, config)`, `api.post(url, body, config)`, `axios(config)`: a request, with its config and instance. */
function requestOf(call: ts.CallExpression, fc: FileContext): AxiosRequest[] {
  const callee = unwrap(call.expression);
  if (isIdentifier(callee)) return isAxios(callee, fc) ? [{ ...(call.arguments.at(-1) && { config: call.arguments.at(-1) }) }] : [];
  if (!isPropertyAccessExpression(callee)) return [];
  const index = CONFIG_ARG.get(callee.name.text);
  if (index === undefined) return [];
  const receiver = unwrap(callee.expression);
  const config = call.arguments[index];
  // `api.get(...)` on an instance (`const api = axios.create({ headers })`, `this.http`): its defaults are in the config too.
  const instance = isAxios(receiver, fc) ? undefined : receiver;
  if (instance && !isIdentifier(instance) && !isPropertyAccessExpression(instance)) return [];
  return [{ ...(config && { config }), ...(instance && { instance }) }];
}

function isAxios(expr: ts.Expression, fc: FileContext): boolean {
  const origin = importOf(fc, expr);
  return origin?.specifier === 'axios' && (origin.imported === 'default' || origin.imported === '*');
}

/** What an interceptor's parameter is: the config of a request, the response, or the error. */
export type InterceptedValue = 'config' | 'response' | 'error';

/**
 * `api.interceptors.request.use((config) => ...)`, `api.interceptors.response.use((response) => ...,
 * (error) => ...)`: a parameter of an axios interceptor, with the instance (or `axios` itself) whose
 * requests it sees. Each request's config holds the instance's defaults, headers included
 * (`axios.create({ headers: { Authorization } })`), as `config`, `response.config` and `error.config`.
 * Undefined for any other parameter.
 */
export function interceptedBy(binding: Extract<Binding, { kind: 'param' }>, fc: FileContext): { instance: ts.Expression; value: InterceptedValue } | undefined {
  if (binding.index !== 0 || binding.rest || !textMentions(fc, 'interceptors')) return undefined;
  const site = callbackSiteOf(binding.fn);
  const use = site && unwrap(site.call.expression);
  if (!site || !use || !isPropertyAccessExpression(use) || use.name.text !== 'use' || site.index > 1) return undefined;
  const kind = unwrap(use.expression);
  const interceptors = isPropertyAccessExpression(kind) ? unwrap(kind.expression) : undefined;
  if (!isPropertyAccessExpression(kind) || !interceptors || !isPropertyAccessExpression(interceptors) || interceptors.name.text !== 'interceptors') return undefined;
  const stage = kind.name.text;
  if (stage !== 'request' && stage !== 'response') return undefined;
  const value: InterceptedValue = site.index === 1 ? 'error' : stage === 'request' ? 'config' : 'response';
  return { instance: unwrap(interceptors.expression), value };
}
