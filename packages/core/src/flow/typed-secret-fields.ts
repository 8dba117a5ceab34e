import { fileMemo } from '../parse/file-memo.js';
import { ts } from '../parse/typescript.js';
import { isStaticMember } from '../parse/static-member.js';
import { propertyNameOf, unwrap } from './scope.js';
import { isNonSecretType } from './sanitisers.js';
import type { NameClassifier } from './sensitive-names.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayLiteralExpression, isArrayTypeNode, isCallExpression, isClassDeclaration, isIdentifier, isInterfaceDeclaration, isPrivateIdentifier, isPropertyDeclaration, isPropertySignature, isStringLiteralLike, isTypeAliasDeclaration, isTypeLiteralNode, isTypeOperatorNode, isTypeReferenceNode } = ts;

// A parameter declared as an object with a secret-named field (`user: { email: string; password:
// string }`, `opts: ClientOptions` given `interface ClientOptions { apiKey: string }` or a DTO class
// in the same file) holds that secret: logging the whole object logs it. Syntax only: a type imported
// from another project file is looked up there once the summaries are joined (`SecretItem.typedBy`);
// a package's types say nothing.

const MAX_DEPTH = 2;

/** The paths of the secret-named fields the declared `type` gives a value. */
export function typedSecretFields(type: ts.TypeNode | undefined, sf: ts.SourceFile, names: NameClassifier, depth = 0): string[][] {
  if (!type || depth > MAX_DEPTH) return [];
  const sources = fieldSourcesOf(type);
  if (sources.length !== 1 || sources[0]?.type !== type) {
    const paths = new Map<string, string[]>();
    for (const source of sources) {
      for (const path of typedSecretFields(source.type, sf, names, depth)) if (keepsField(source, path[0])) paths.set(path.join('.'), path);
    }
    return [...paths.values()];
  }
  const body = requestBodyType(type);
  if (body) return typedSecretFields(body, sf, names, depth + 1).map((path) => ['body', ...path]);
  // An array holds what its elements hold (`rows: Row[]` logged whole, or element by element).
  const element = elementTypeOf(type);
  if (element) return typedSecretFields(element, sf, names, depth + 1);
  return secretFieldsOfMembers(membersOf(type, sf), sf, names, depth);
}

/** A type whose fields a value declared with another has, and which of them it keeps (`Pick`, `Omit`). */
export interface FieldSource {
  type: ts.TypeNode;
  omit?: string[];
  pick?: string[];
}

/** Utility types whose value has the fields of their one argument. */
const SAME_FIELDS: ReadonlySet<string> = new Set(['Partial', 'Readonly', 'Required', 'NonNullable', 'Awaited']);

/**
 * The types whose fields a value declared as `type` has: through parentheses, `T | null` (and
 * `undefined`, `void`; each member of a wider union), `A & B` (both), `Partial<T>`, `Readonly<T>`,
 * `Required<T>`, `NonNullable<T>`, `Awaited<T>`, and `Pick<T, 'a' | 'b'>` / `Omit<T, 'password'>`
 * with the fields they keep. Any other type is its own source.
 */
export function fieldSourcesOf(type: ts.TypeNode, depth = 0): FieldSource[] {
  if (depth > MAX_DEPTH * 2) return [{ type }];
  if (ts.isParenthesizedTypeNode(type)) return fieldSourcesOf(type.type, depth + 1);
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.filter((t) => !isNullish(t)).flatMap((t) => fieldSourcesOf(t, depth + 1));
  if (!isTypeReferenceNode(type) || !isIdentifier(type.typeName) || !type.typeArguments) return [{ type }];
  const [inner, keys] = type.typeArguments;
  const helper = type.typeName.text;
  if (inner && type.typeArguments.length === 1 && SAME_FIELDS.has(helper)) return fieldSourcesOf(inner, depth + 1);
  const listed = keys && (helper === 'Pick' || helper === 'Omit') ? literalKeysOf(keys) : undefined;
  if (!inner || !listed) return [{ type }];
  return fieldSourcesOf(inner, depth + 1).map((source) => narrowed(source, helper === 'Omit' ? 'omit' : 'pick', listed));
}

function isNullish(type: ts.TypeNode): boolean {
  if (type.kind === SyntaxKind.UndefinedKeyword || type.kind === SyntaxKind.VoidKeyword) return true;
  return ts.isLiteralTypeNode(type) && type.literal.kind === SyntaxKind.NullKeyword;
}

/** `'password' | 'token'`: the keys a Pick or Omit names; undefined when one is not a string literal. */
function literalKeysOf(type: ts.TypeNode): string[] | undefined {
  const members = ts.isUnionTypeNode(type) ? type.types : [type];
  const keys: string[] = [];
  for (const m of members) {
    if (!ts.isLiteralTypeNode(m) || !isStringLiteralLike(m.literal)) return undefined;
    keys.push(m.literal.text);
  }
  return keys;
}

/** The element type of `T[]`, `readonly T[]`, `Array<T>` and `ReadonlyArray<T>`. */
export function elementTypeOf(type: ts.TypeNode): ts.TypeNode | undefined {
  if (isArrayTypeNode(type)) return type.elementType;
  if (isTypeOperatorNode(type) && type.operator === SyntaxKind.ReadonlyKeyword) return elementTypeOf(type.type);
  // `{ [id: string]: ClientData }`: a record of values of one type, logged or written whole as a list is.
  if (isTypeLiteralNode(type) && type.members.length === 1 && type.members[0] && ts.isIndexSignatureDeclaration(type.members[0])) return type.members[0].type;
  if (!isTypeReferenceNode(type) || !isIdentifier(type.typeName) || type.typeArguments === undefined) return undefined;
  const [first, second] = type.typeArguments;
  if (type.typeArguments.length === 1) return type.typeName.text === 'Array' || type.typeName.text === 'ReadonlyArray' ? first : undefined;
  // `Record<string, ClientData>`, `Map<string, ClientData>`: the values.
  return type.typeArguments.length === 2 && KEYED_TYPES.has(type.typeName.text) ? second : undefined;
}

const KEYED_TYPES: ReadonlySet<string> = new Set(['Record', 'Map', 'ReadonlyMap']);

/**
 * The type a framework's request type gives its body: Express's `Request<Params, ResBody, LoginBody>`
 * and Fastify's `FastifyRequest<{ Body: LoginBody }>`.
 */
export function requestBodyType(type: ts.TypeNode): ts.TypeNode | undefined {
  if (!isTypeReferenceNode(type) || !type.typeArguments) return undefined;
  const name = isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
  if (name === 'Request') return type.typeArguments[2];
  const [generic] = type.typeArguments;
  if (name !== 'FastifyRequest' || !generic || !isTypeLiteralNode(generic)) return undefined;
  const body = generic.members.find((m) => isPropertySignature(m) && propertyNameOf(m.name) === 'Body');
  return body && isPropertySignature(body) ? body.type : undefined;
}

const routeGenericTypes = new WeakMap<ts.ParameterDeclaration, ts.TypeNode | undefined>();

/**
 * Fastify's route generic (`fastify.put<{ Body: Cfg }>('/config', async (request) => ...)`): the
 * type its handler's untyped request has, as `request: FastifyRequest<{ Body: Cfg }>` would say.
 */
export function routeGenericRequestType(param: ts.ParameterDeclaration): ts.TypeNode | undefined {
  if (param.type || param.parent.parameters[0] !== param) return undefined;
  if (routeGenericTypes.has(param)) return routeGenericTypes.get(param);
  const call = param.parent.parent;
  const generic = ts.isCallExpression(call) && call.arguments.some((a) => a === param.parent) ? call.typeArguments?.[0] : undefined;
  const declaresBody = generic !== undefined && isTypeLiteralNode(generic) && generic.members.some((m) => isPropertySignature(m) && propertyNameOf(m.name) === 'Body');
  const type = declaresBody ? ts.factory.createTypeReferenceNode('FastifyRequest', [generic]) : undefined;
  routeGenericTypes.set(param, type);
  return type;
}

/**
 * A type a class or interface extends, and which of its fields it keeps: `extends CredentialsDto`,
 * Nest's mapped types `PartialType(CreateUserDto)`, `OmitType(CreateUserDto, ['password'])`,
 * `PickType(...)` and `IntersectionType(A, B)` (@nestjs/mapped-types, @nestjs/swagger).
 */
export interface TypeBase {
  name: string;
  omit?: string[];
  pick?: string[];
}

/** What the files importing a type learn of it: its secret fields, and bases declared elsewhere. */
export interface TypeSecrets {
  /** The secret-named fields of each top-level type, by name (`LoginDto: [['password']]`). */
  secrets?: Record<string, string[][]>;
  /** Bases that another module declares (imported names), whose fields the type also has. */
  bases?: Record<string, TypeBase[]>;
  /** Classes with a `toJSON()` among them: their secret fields are printed only by util.inspect. */
  inspected?: string[];
}

/**
 * The secret-named fields of each interface, object type alias and class declared at the top of
 * the file, by name (`export class LoginDto { email: string; password: string }`), with those it
 * inherits from types of the file, and the bases it has in other files: what a value of that type
 * holds, for the files that import the type (see `SecretItem.typedBy`).
 */
export function secretFieldsOfTypes(sf: ts.SourceFile, names: NameClassifier): TypeSecrets {
  const out: TypeSecrets = {};
  const types = declaredTypesOf(sf);
  for (const [name, { members, bases, inspectedOnly }] of types) {
    const fields = secretFieldsOfMembers(members, sf, names, 0);
    if (fields.length > 0) (out.secrets ??= {})[name] = fields;
    if (fields.length > 0 && inspectedOnly) (out.inspected ??= []).push(name);
    const elsewhere = bases.filter((b) => !types.has(b.name));
    if (elsewhere.length > 0) (out.bases ??= {})[name] = elsewhere;
  }
  return out;
}

/** A type's fields narrowed by an Omit (those keys dropped) or a Pick (only those kept, within any earlier Pick). */
function narrowed<T extends Pick<TypeBase, 'omit' | 'pick'>>(source: T, how: 'omit' | 'pick', keys: readonly string[]): T {
  if (how === 'omit') return { ...source, omit: [...(source.omit ?? []), ...keys] };
  return { ...source, pick: source.pick ? source.pick.filter((k) => keys.includes(k)) : [...keys] };
}

/** Whether a field of a base is kept by the type that extends it (OmitType, PickType; Omit, Pick). */
export function keepsField(base: Pick<TypeBase, 'omit' | 'pick'>, field: string | undefined): boolean {
  if (field === undefined) return true;
  return !(base.omit?.includes(field) ?? false) && (base.pick?.includes(field) ?? true);
}

const MAPPED_TYPES = new Set(['PartialType', 'OmitType', 'PickType', 'IntersectionType', 'RequiredType']);

/** The bases an `extends` clause names. */
function basesOf(clauses: ts.NodeArray<ts.HeritageClause> | undefined): TypeBase[] {
  const out: TypeBase[] = [];
  for (const clause of clauses ?? []) {
    if (clause.token === SyntaxKind.ExtendsKeyword) for (const { expression } of clause.types) out.push(...basesNamedBy(expression));
  }
  return out;
}

/** `CreateUserDto`, or mapped types of it, nested (`PartialType(OmitType(CreateUserDto, ['password']))`). */
function basesNamedBy(expr: ts.Expression, depth = 0): TypeBase[] {
  if (isIdentifier(expr)) return [{ name: expr.text }];
  if (depth > MAX_DEPTH || !isCallExpression(expr) || !isIdentifier(expr.expression) || !MAPPED_TYPES.has(expr.expression.text)) return [];
  const helper = expr.expression.text;
  const [first, second] = expr.arguments;
  if (helper === 'IntersectionType') return expr.arguments.flatMap((a) => basesNamedBy(a, depth + 1));
  const inner = first ? basesNamedBy(first, depth + 1) : [];
  const list = second && unwrap(second); // `['password'] as const`
  const keys = list && isArrayLiteralExpression(list) ? list.elements.flatMap((e) => (isStringLiteralLike(e) ? [e.text] : [])) : undefined;
  if ((helper === 'OmitType' || helper === 'PickType') && keys) return inner.map((b) => narrowed(b, helper === 'OmitType' ? 'omit' : 'pick', keys));
  return inner;
}

/** An interface, object type alias or class declared by a statement: its name, members and bases. */
function declaredTypeOf(stmt: ts.Statement): { name: string; members: Members; bases: TypeBase[]; inspectedOnly?: true } | undefined {
  // A class that says how it is serialised (`toJSON()`) is written as that says by JSON, field by
  // field only by util.inspect (console.log), which ignores it.
  if (isClassDeclaration(stmt) && stmt.name) return { name: stmt.name.text, members: [...stmt.members, ...parameterPropertiesOf(stmt)], bases: basesOf(stmt.heritageClauses), ...(rendersItself(stmt) && { inspectedOnly: true }) };
  if (isInterfaceDeclaration(stmt) && stmt.name) return { name: stmt.name.text, members: stmt.members, bases: basesOf(stmt.heritageClauses) };
  if (isTypeAliasDeclaration(stmt) && isTypeLiteralNode(stmt.type)) return { name: stmt.name.text, members: stmt.type.members, bases: [] };
  return undefined;
}

function memberNameOf(member: Members[number]): string | undefined {
  if (!member.name) return undefined;
  if (ts.isParameter(member)) return isIdentifier(member.name) ? member.name.text : undefined;
  return propertyNameOf(member.name);
}

function rendersItself(cls: ts.ClassDeclaration): boolean {
  return cls.members.some((m) => ts.isMethodDeclaration(m) && isIdentifier(m.name) && m.name.text === 'toJSON');
}

/** `constructor(public userId: string, private refreshToken: string)`: fields declared by the constructor. */
function parameterPropertiesOf(cls: ts.ClassDeclaration): ts.ParameterDeclaration[] {
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  return ctor ? ctor.parameters.filter((p) => ts.isParameterPropertyDeclaration(p, ctor)) : [];
}

function secretFieldsOfMembers(members: Members, sf: ts.SourceFile, names: NameClassifier, depth: number): string[][] {
  const out: string[][] = [];
  for (const member of members) {
    if (!isPropertySignature(member) && !isPropertyDeclaration(member) && !ts.isParameter(member)) continue;
    // Static fields are not on the instance; `#secret` is not printed or serialised (TypeScript's `private` is).
    if (isPropertyDeclaration(member) && (isPrivateIdentifier(member.name) || isStaticMember(member))) continue;
    const name = memberNameOf(member);
    if (name === undefined) continue;
    const inner = typedSecretFields(member.type, sf, names, depth + 1);
    // `jwt: { secret: string; expiresIn: string }`: an object declared in place with secret fields holds those, whatever its own name.
    const byFields = inner.length > 0 && member.type !== undefined && isTypeLiteralNode(member.type);
    if (names.isSecretName(name) && !isNonSecretType(member.type) && !byFields) out.push([name]);
    else for (const path of inner) out.push([name, ...path]);
  }
  return out;
}

/** `g: Grant` of a class of the file with a `toJSON()`: JSON writes what that returns, util.inspect (console.log) the fields. */
export function isInspectedOnlyType(type: ts.TypeNode, sf: ts.SourceFile): boolean {
  const sources = fieldSourcesOf(type);
  return sources.length > 0 && sources.every((source) => isTypeReferenceNode(source.type) && isIdentifier(source.type.typeName) && declaredTypesOf(sf).get(source.type.typeName.text)?.inspectedOnly === true);
}

/** The declared type of field `name` of `type` (a type literal, or an interface, alias or class of the file). */
export function fieldTypeOf(type: ts.TypeNode | undefined, name: string, sf: ts.SourceFile): ts.TypeNode | undefined {
  if (!type) return undefined;
  for (const member of membersOf(type, sf)) {
    if ((isPropertySignature(member) || isPropertyDeclaration(member)) && propertyNameOf(member.name) === name) return member.type;
  }
  return undefined;
}

/** The members of a type literal, or of an interface, object type alias or class (a DTO) declared at the top of the file, with those it inherits there. */
function membersOf(type: ts.TypeNode, sf: ts.SourceFile): Members {
  if (isTypeLiteralNode(type)) return type.members;
  if (!isTypeReferenceNode(type) || !isIdentifier(type.typeName)) return [];
  return declaredTypesOf(sf).get(type.typeName.text)?.members ?? [];
}

/** A class's members include its constructor's parameter properties (`constructor(private token: string)`). */
type Members = ReadonlyArray<ts.TypeElement | ts.ClassElement | ts.ParameterDeclaration>;

interface DeclaredType {
  /** Its own members, then those of its bases in the file that it keeps. */
  members: Members;
  bases: TypeBase[];
  /** A class with a `toJSON()`: its fields are printed by util.inspect, not written as JSON. */
  inspectedOnly?: true;
}

const typesByFile = fileMemo<'types', ReadonlyMap<string, DeclaredType>>();

/** The file's top-level types by name, the first of a name winning: looked up per typed value, built once per file. */
function declaredTypesOf(sf: ts.SourceFile): ReadonlyMap<string, DeclaredType> {
  const memo = typesByFile(sf);
  let types = memo.get('types');
  if (!types) {
    const declared = new Map<string, { members: Members; bases: TypeBase[]; inspectedOnly?: true }>();
    for (const stmt of sf.statements) {
      const type = declaredTypeOf(stmt);
      if (type && !declared.has(type.name)) declared.set(type.name, type);
    }
    const byName = new Map<string, DeclaredType>();
    for (const [name, type] of declared) byName.set(name, { members: withInherited(type, declared, new Set([name])), bases: type.bases, ...(type.inspectedOnly && { inspectedOnly: true }) });
    memo.set('types', (types = byName));
  }
  return types;
}

/** A type's members and, through bases declared in the same file (a cycle ends the chain), those it keeps of theirs. */
function withInherited(type: { members: Members; bases: TypeBase[] }, declared: ReadonlyMap<string, { members: Members; bases: TypeBase[] }>, seen: Set<string>): Members {
  const inherited = type.bases.flatMap((base) => {
    const found = declared.get(base.name);
    if (!found || seen.has(base.name)) return [];
    return withInherited(found, declared, new Set([...seen, base.name])).filter((m) => keepsField(base, memberNameOf(m)));
  });
  return inherited.length === 0 ? type.members : [...type.members, ...inherited];
}
