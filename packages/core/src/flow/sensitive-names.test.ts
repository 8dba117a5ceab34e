import { describe, expect, it } from 'vitest';
import { createNameClassifier, isSecretGetterName, mayNameSecret, splitWords } from './sensitive-names.js';

const classifier = createNameClassifier();

describe('splitWords', () => {
  it.each([
    ['accessToken', ['access', 'token']],
    ['ACCESS_TOKEN', ['access', 'token']],
    ['access-token', ['access', 'token']],
    ['access_token', ['access', 'token']],
    ['HTTPAuthorization', ['http', 'authorization']],
    ['x-api-key', ['x', 'api', 'key']],
  ])('%s', (name, words) => {
    expect(splitWords(name)).toEqual(words);
  });
});

const SECRET_NAMES = [
    'password', 'passwd', 'pwd', 'passphrase', 'secret', 'clientSecret', 'token', 'accessToken',
    'refreshToken', 'idToken', 'bearerToken', 'apiToken', 'authToken', 'sessionToken', 'csrfToken',
    'apiKey', 'privateKey', 'encryptionKey', 'encryptKey', 'CIPHER_KEY', 'signingKey', 'masterKey', 'credential', 'credentials',
    'authorization', 'cookie', 'sessionId', 'connectionString', 'JWT_SECRET', 'DB_PASSWORD',
    'db_password', 'api-key', 'x-api-key', 'API_KEY', 'client_secret', 'refresh-token', 'SESSION_ID',
    'userPassword', 'newPassword', 'GITHUB_TOKEN', 'secretKey', 'apikey', 'inputToken', 'requestToken', 'refreshTokens', 'newTokens',
    'DB_PASS', 'smtpPass', 'SMTP_PASS', 'otp', 'totp', 'otpCode', 'verificationCode', 'authCode', 'recoveryCodes', 'authorization_code',
    'OPENAI_KEY', 'SENDGRID_KEY', 'SUPABASE_SERVICE_ROLE_KEY', 'ALGOLIA_ADMIN_KEY', 'serviceAccountKey', 'SecretString', 'PRIVATE_KEY_PEM', 'GITHUB_PAT',
    // a password word glued to its owner, as environment names write it
    'PGPASSWORD', 'MYSQLPASSWORD', 'dbpassword', 'ROOTPASSWD',
    // another copy, version or encoding of the same secret
    'password2', 'token1', 'API_KEY_V2', 'passwordConfirmation', 'password_confirmation', 'privateKeyBase64', 'SECRET_HEX', 'refreshTokenRaw',
    // the response header that sets a session cookie
    'set-cookie', 'Set-Cookie',
    // one-time tokens that grant access, beside the pagination markers that do not
    'resetToken', 'inviteToken', 'verificationToken', 'nextAccessToken',
];

describe('secret names, every case style', () => {
  it.each(SECRET_NAMES)('%s is a secret', (name) => {
    expect(classifier.isSecretName(name)).toBe(true);
  });
});

describe('names that only describe a secret (the contract exclusions)', () => {
  it.each([
    'tokenCount', 'maxTokens', 'tokenType', 'tokenize', 'tokenId', 'expiresIn', 'passwordPolicy',
    'passwordLength', 'isPasswordValid', 'hasToken', 'secretName', 'keyId', 'publicKey', 'cacheKey',
    'pass', 'isPass', 'passCount', 'statusCode', 'countryCode', 'errorCode', 'otpLength', 'otpExpiresAt', 'verificationCodeLength', 'bypass',
    'primaryKey', 'key', 'TOKEN_COUNT', 'max_tokens', 'token-type', 'PUBLIC_KEY', 'getToken',
    'passwordHash', 'hashedPassword', 'tokenStore', 'username', 'email', 'sessionStore', '',
    // glued words other than a password stay one word; `PGPASSFILE` is the path of a password file
    'nexttoken', 'PGPASSFILE', 'passwordless', 'PGPASSWORD_FILE', 'isPGPASSWORDSet',
    // keys meant to be public: a browser's anon key, a captcha site key, a certificate
    'SUPABASE_ANON_KEY', 'RECAPTCHA_SITE_KEY', 'certPem', 'keyPattern',
    // what is left once the secret is taken out
    'payloadWithoutPassword', 'userExceptToken', 'body_excluding_password', 'withoutPassword',
    // language-model usage counts
    'promptTokens', 'completion_tokens', 'outputTokens', 'cachedInputTokens', 'REASONING_TOKENS', 'contextMaxTokens', 'rateLimitTokens', 'cache_read_input_tokens',
    // design tokens and lexical tokens
    'designTokens', 'DESIGN_TOKENS', 'themeToken', 'lexerTokens', 'syntaxToken',
    // pagination and sync markers, cancellation tokens
    'pageToken', 'nextPageToken', 'next_page_token', 'NextToken', 'ContinuationToken', 'paginationToken', 'cursorToken', 'syncToken', 'resumeToken', 'cancellationToken',
    // names of Object.prototype members must not reach the lookup tables' prototypes
    'constructor', 'toString', '__proto__', 'hasOwnProperty', 'apiConstructor', 'key_constructor',
    // counting functions, a setter, numbered names whose word is no secret, and marks alone
    'countTokens', 'estimateTokens', 'setCookie', 'key2', 'step2', 'v2', 'hex', 'base64', 'passwordHashHex',
  ])('%s is not a secret', (name) => {
    expect(classifier.isSecretName(name)).toBe(false);
  });
});

describe('secret headers', () => {
  it.each(['authorization', 'Authorization', 'cookie', 'x-api-key', 'X-Api-Key', 'proxy-authorization', 'set-cookie'])('%s', (name) => {
    expect(classifier.isSecretHeader(name)).toBe(true);
  });
  it.each(['content-type', 'user-agent', 'x-request-id', 'accept'])('%s is not', (name) => {
    expect(classifier.isSecretHeader(name)).toBe(false);
  });
});

describe('config sensitiveNames', () => {
  const tuned = createNameClassifier({ add: ['ssn', 'otp-code'], remove: ['sessionId', 'cookie'] });

  it('adds names in any case style, also as the last words of a longer name', () => {
    expect(tuned.isSecretName('ssn')).toBe(true);
    expect(tuned.isSecretName('userSSN')).toBe(true);
    expect(tuned.isSecretName('OTP_CODE')).toBe(true);
    expect(tuned.isSecretName('otpCodeLength')).toBe(false);
  });

  it('removes names in any case style', () => {
    expect(tuned.isSecretName('session_id')).toBe(false);
    expect(tuned.isSecretName('cookie')).toBe(false);
    expect(tuned.isSecretHeader('cookie')).toBe(false);
    expect(tuned.isSecretName('password')).toBe(true);
  });
});

describe('mayNameSecret', () => {
  const none = { add: [], remove: [] };

  // Whatever surrounds a secret name, as an identifier, a key or a header: the text may name a secret.
  it.each(SECRET_NAMES)('%s in code', (name) => {
    expect(mayNameSecret(`log(user.${name}, item['${name}'], { "${name}": 1 })`, none)).toBe(true);
    expect(mayNameSecret(`const x = cfg['${name}'];`, none)).toBe(true);
  });

  it('finds a qualified pair split over separators a key may hold', () => {
    expect(mayNameSecret(`const k = settings['api key'];`, none)).toBe(true);
    expect(mayNameSecret(`const k = settings['api.key'];`, none)).toBe(true);
    expect(mayNameSecret(`headers.get('X-Api-Key')`, none)).toBe(true);
  });

  it('finds added names in any case style, also inside longer names', () => {
    expect(mayNameSecret(`log(user.socialSecurityNumber);`, { add: ['social_security_number'], remove: [] })).toBe(true);
    expect(mayNameSecret(`log(user.social_security_number_v2);`, { add: ['socialSecurityNumber'], remove: [] })).toBe(true);
    expect(mayNameSecret(`log(user.socialSecurity);`, { add: ['socialSecurityNumber'], remove: [] })).toBe(false);
  });

  it('is false for text whose names hold no secret word', () => {
    expect(mayNameSecret(`export function find(keyId: string, cacheKey: string, publicKey: string) { return items.get(keyId) ?? primaryKey; }`, none)).toBe(false);
    expect(mayNameSecret(`// required fields: see the query\nexport const limit = 20;`, none)).toBe(false);
  });
});

describe('functions named for handing out a secret', () => {
  it.each(['getAccessToken', 'fetch_api_key', 'createSessionToken', 'generatePassword', 'getSecret', 'signToken', 'loadPrivateKey'])('%s', (name) => {
    expect(isSecretGetterName(name, classifier)).toBe(true);
  });
  it.each(['getTokenCount', 'verifyToken', 'getPublicKey', 'getTokenType', 'getSecretName', 'token', 'getCacheKey', 'createTokenStore'])('%s is not', (name) => {
    expect(isSecretGetterName(name, classifier)).toBe(false);
  });
});
