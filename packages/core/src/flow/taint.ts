import type { TraceStep } from '../findings/finding.js';

/** A regular expression as written (`/token|secret/i`): its source and flags, plain data a summary keeps. */
export interface KeyPattern {
  source: string;
  flags: string;
}

/**
 * A trace step as stored in a summary: without `file` it belongs to the summary's own file (most
 * steps do, and repeating the path in every step would double the summary's size).
 */
export type FlowStep = Omit<TraceStep, 'file'> & { file?: string };

/**
 * What a value may carry, as plain JSON so it survives the summary cache. A taint is a list of
 * items; an empty list is a clean value.
 *
 * `path` is where inside the value the item sits (`{ user: { password } }` holds a secret at
 * `user.password`); `proj` is the property path read from a parameter or call result that is only
 * known once the cross-file resolution substitutes it.
 */
export type TaintItem = SecretItem | ParamItem | CallItem;
export type Taint = TaintItem[];

/** Objects whose entries are secrets only for some keys (`req.headers.authorization`, `process.env.JWT_SECRET`). */
export type SecretContainer = 'headers' | 'env' | 'cookies';

export interface SecretItem {
  k: 'secret';
  /** The source expression as written (never its value), e.g. `req.headers.authorization`. */
  label: string;
  path: string[];
  container?: SecretContainer;
  /** The headers inside a whole request object (`logger.info({ req })`), not read out explicitly. */
  wholeRequest?: boolean;
  /**
   * An Authorization header value: its first part (`split(' ')[0]`, `[scheme] = ...`) is the scheme,
   * not the credential; so is the user of Basic credentials split on ':' (`[user, pass] = ...`).
   */
  authScheme?: true;
  /** Split on '.' like a JWT: its parts `[0]` and `[1]` are the header and the claims, not the credential. */
  jwtParts?: true;
  /**
   * A secret only by the name of a parameter of this function (its key): the values are whatever
   * the callers pass, so a wrapper is reported at the calls that pass a secret.
   */
  param?: string;
  /**
   * A secret only by the name of a constant imported from a project module under this local name
   * (a member of one: `EnvNames.MSI_SECRET`): none when that module gives it a value written out in
   * full (see `FlowFacts.literalConsts`) or the name of a secret (see `FlowFacts.entryNames`).
   */
  importedAs?: string;
  /**
   * An entry of a container read by a name held in a constant imported from a project module
   * (`req.get(API_KEY_HEADER)`, `req.headers[HEADERS.AUTH]`), under this local name: a secret only
   * when that module gives the constant a credential's name (see `FlowFacts.entryNames`).
   */
  entryNamedBy?: { local: string; container: SecretContainer | 'query' };
  /**
   * A value declared with a type imported from a project module under this local name (`dto:
   * LoginDto`): it holds the secret-named fields that module declares the type with, at their
   * paths, and nothing when it declares none (see `FlowFacts.typeSecrets`).
   */
  typedBy?: string;
  /** With `typedBy`: fields an object rest or a delete left out (`const { password, ...rest } = dto`). */
  omit?: string[];
  /** A field of a class with a `toJSON()`: printed by util.inspect (`console.log`), not written as JSON. */
  inspected?: true;
  /** With `typedBy`: written by `JSON.stringify`, which leaves out such fields. */
  json?: true;
  trace: FlowStep[];
}

/** The value of parameter `index` of project function `fn` (a key in the file's function facts). */
export interface ParamItem {
  k: 'param';
  fn: string;
  index: number;
  /** A rest parameter: stands for every argument from `index` on. */
  rest?: boolean;
  proj: string[];
  path: string[];
  /** Stringified after it was read: the substituted value becomes one flat secret. */
  flat?: boolean;
  /** Object rest dropped these keys (`const { password, ...rest } = param`). */
  omit?: string[];
  /** A `JSON.stringify` replacer dropped every key this expression matches, at any depth (`/token|secret/i.test(k) ? '***' : v`). */
  omitMatching?: KeyPattern;
  /** Copied with its secret field replaced (`{ ...param, key: !!param.key }`): what a caller passes is no longer a secret by its own name. */
  unnamed?: true;
  trace: FlowStep[];
}

/** The result of calling a project function, resolved across files by the rules. */
export interface CallItem {
  k: 'call';
  /** `name` or `namespace.name`, as written in the calling file. */
  callee: string;
  args: Taint[];
  /** The callee is named like a sanitiser: safe unless its definition returns the input unchanged. */
  sanitizer: boolean;
  /** Not a call: the value of a constant imported from a project file (`import config from './config'`). */
  value?: true;
  /** What the call throws, not what it returns (a catch variable of a try block that calls it). */
  thrown?: true;
  /** `JSON.stringify(args[0], callee)`: the text of the value as the project's replacer lets it through (see `FunctionFact.replacer`). */
  replacer?: true;
  /** A method run on an instance of its class made with these constructor arguments: the fields it reads hold them (`${new Creds(user, pass)}` runs `Creds.toString`). */
  self?: Taint[];
  proj: string[];
  path: string[];
  flat?: boolean;
  omit?: string[];
  omitMatching?: KeyPattern;
  trace: FlowStep[];
}
