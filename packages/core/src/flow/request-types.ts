import { ts } from '../parse/typescript.js';
import { type FileContext, importOf } from './file-context.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isIdentifier, isTypeReferenceNode } = ts;

/**
 * The HTTP request types of the packages servers are written with, by the module that exports
 * them: AWS Lambda's API Gateway, ALB and function URL events, Node's `IncomingMessage`, and the
 * frameworks' request objects. Each carries the request headers.
 */
const REQUEST_TYPES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['aws-lambda', new Set(['APIGatewayProxyEvent', 'APIGatewayProxyEventV2', 'APIGatewayEvent', 'APIGatewayProxyEventV2WithJWTAuthorizer', 'APIGatewayProxyWithCognitoAuthorizerEvent', 'ALBEvent', 'LambdaFunctionURLEvent'])],
  ['http', new Set(['IncomingMessage'])],
  ['node:http', new Set(['IncomingMessage'])],
  ['express', new Set(['Request'])],
  ['fastify', new Set(['FastifyRequest'])],
  ['koa', new Set(['Request'])],
  ['hono', new Set(['HonoRequest'])],
  ['next/server', new Set(['NextRequest'])],
  ['next', new Set(['NextApiRequest'])],
]);

/** Any of those type names in a file's text (the text prefilter): without one, no parameter is declared so. */
export const REQUEST_TYPE_WORD = new RegExp(`\\b(?:${[...new Set([...REQUEST_TYPES.values()].flatMap((names) => [...names]))].join('|')})\\b`);

/**
 * `event: APIGatewayProxyEvent`, `m: http.IncomingMessage`: a parameter declared as an HTTP request,
 * whatever it is called. Logged whole, it logs the request's headers.
 */
export function isRequestType(type: ts.TypeNode | undefined, fc: FileContext): boolean {
  if (!type || !isTypeReferenceNode(type)) return false;
  const name = type.typeName;
  if (isIdentifier(name)) {
    const origin = importOf(fc, name);
    return origin !== undefined && (REQUEST_TYPES.get(origin.specifier)?.has(origin.imported) ?? false);
  }
  // `http.IncomingMessage`, `express.Request`: a member of the module's namespace or default import.
  if (!isIdentifier(name.left)) return false;
  const origin = importOf(fc, name.left);
  return origin !== undefined && (origin.imported === '*' || origin.imported === 'default') && (REQUEST_TYPES.get(origin.specifier)?.has(name.right.text) ?? false);
}
