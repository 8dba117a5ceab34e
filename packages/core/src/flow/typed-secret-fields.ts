import { fileMemo } from '../parse/file-memo.js';
import { ts } from '../parse/typescript.js';
import { propertyNameOf } from './scope.js';
import { isNonSecretType } from './sanitisers.js';
import type { NameClassifier } from './sensitive-names.js';

// A parameter declared as an object with a secret-named field (`user: { email: string; password:
// string }`, `opts: ClientOptions` given `interface ClientOptions { apiKey: string }` or a DTO class
// in the same file) holds that secret: logging the whole object logs it. Syntax only: a type imported
// from another project file is looked up there once the summaries are joined (`SecretItem.typedBy`);
// a package's types say nothing.

const MAX_DEPTH = 2;

/** The paths of the secret-named fields the declared `type` gives a value. */
export function typedSecretFields(type: ts.TypeNode | undefined, sf: ts.SourceFile, names: NameClassifier, depth = 0): string[][] {
  if (!type || depth > MAX_DEPTH) return [];
  return secretFieldsOfMembers(membersOf(type, sf), sf, names, depth);
}

/**
 * The secret-named fields of each interface, object type alias and class declared at the top of
 * the file, by name (`export class LoginDto { email: string; password: string }`): what a value
 * of that type holds, for the files that import the type (see `SecretItem.typedBy`).
 */
export function secretFieldsOfTypes(sf: ts.SourceFile, names: NameClassifier): Record<string, string[][]> | undefined {
  let out: Record<string, string[][]> | undefined;
  for (const stmt of sf.statements) {
    const declared = declaredTypeOf(stmt);
    const fields = declared ? secretFieldsOfMembers(declared.members, sf, names, 0) : [];
    if (declared && fields.length > 0) (out ??= {})[declared.name] = fields;
  }
  return out;
}

/** An interface, object type alias or class declared by a statement: its name and members. */
function declaredTypeOf(stmt: ts.Statement): { name: string; members: ReadonlyArray<ts.TypeElement | ts.ClassElement> } | undefined {
  if ((ts.isInterfaceDeclaration(stmt) || ts.isClassDeclaration(stmt)) && stmt.name) return { name: stmt.name.text, members: stmt.members };
  if (ts.isTypeAliasDeclaration(stmt) && ts.isTypeLiteralNode(stmt.type)) return { name: stmt.name.text, members: stmt.type.members };
  return undefined;
}

function secretFieldsOfMembers(members: ReadonlyArray<ts.TypeElement | ts.ClassElement>, sf: ts.SourceFile, names: NameClassifier, depth: number): string[][] {
  const out: string[][] = [];
  for (const member of members) {
    if (!ts.isPropertySignature(member) && !ts.isPropertyDeclaration(member)) continue;
    // Static fields are not on the instance; `#secret` is not printed or serialised (TypeScript's `private` is).
    if (ts.isPropertyDeclaration(member) && (ts.isPrivateIdentifier(member.name) || member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword))) continue;
    const name = propertyNameOf(member.name);
    if (name === undefined) continue;
    if (names.isSecretName(name) && !isNonSecretType(member.type)) out.push([name]);
    else for (const inner of typedSecretFields(member.type, sf, names, depth + 1)) out.push([name, ...inner]);
  }
  return out;
}

/** The declared type of field `name` of `type` (a type literal, or an interface, alias or class of the file). */
export function fieldTypeOf(type: ts.TypeNode | undefined, name: string, sf: ts.SourceFile): ts.TypeNode | undefined {
  if (!type) return undefined;
  for (const member of membersOf(type, sf)) {
    if ((ts.isPropertySignature(member) || ts.isPropertyDeclaration(member)) && propertyNameOf(member.name) === name) return member.type;
  }
  return undefined;
}

/** The members of a type literal, or of an interface, object type alias or class (a DTO) declared at the top of the file. */
function membersOf(type: ts.TypeNode, sf: ts.SourceFile): ReadonlyArray<ts.TypeElement | ts.ClassElement> {
  if (ts.isTypeLiteralNode(type)) return type.members;
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return [];
  return declaredTypesOf(sf).get(type.typeName.text) ?? [];
}

type Members = ReadonlyArray<ts.TypeElement | ts.ClassElement>;

const typesByFile = fileMemo<'types', ReadonlyMap<string, Members>>();

/** The file's top-level types by name, the first of a name winning: looked up per typed value, built once per file. */
function declaredTypesOf(sf: ts.SourceFile): ReadonlyMap<string, Members> {
  const memo = typesByFile(sf);
  let types = memo.get('types');
  if (!types) {
    const byName = new Map<string, Members>();
    for (const stmt of sf.statements) {
      const declared = declaredTypeOf(stmt);
      if (declared && !byName.has(declared.name)) byName.set(declared.name, declared.members);
    }
    memo.set('types', (types = byName));
  }
  return types;
}

