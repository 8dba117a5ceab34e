import { describe, expect, it } from 'vitest';
import { createNameClassifier, splitWords } from './sensitive-names.js';

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

describe('secret names, every case style', () => {
  it.each([
    'password', 'passwd', 'pwd', 'passphrase', 'secret', 'clientSecret', 'token', 'accessToken',
    'refreshToken', 'idToken', 'bearerToken', 'apiToken', 'authToken', 'sessionToken', 'csrfToken',
    'apiKey', 'privateKey', 'encryptionKey', 'signingKey', 'masterKey', 'credential', 'credentials',
    'authorization', 'cookie', 'sessionId', 'connectionString', 'JWT_SECRET', 'DB_PASSWORD',
    'db_password', 'api-key', 'x-api-key', 'API_KEY', 'client_secret', 'refresh-token', 'SESSION_ID',
    'userPassword', 'newPassword', 'GITHUB_TOKEN', 'secretKey', 'apikey', 'inputToken', 'requestToken', 'refreshTokens', 'newTokens',
    'DB_PASS', 'smtpPass', 'SMTP_PASS', 'otp', 'totp', 'otpCode', 'verificationCode', 'authCode', 'recoveryCodes', 'authorization_code',
  ])('%s is a secret', (name) => {
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
    // what is left once the secret is taken out
    'payloadWithoutPassword', 'userExceptToken', 'body_excluding_password', 'withoutPassword',
    // language-model usage counts
    'promptTokens', 'completion_tokens', 'outputTokens', 'cachedInputTokens', 'REASONING_TOKENS', 'contextMaxTokens', 'rateLimitTokens', 'cache_read_input_tokens',
    // design tokens and lexical tokens
    'designTokens', 'DESIGN_TOKENS', 'themeToken', 'lexerTokens', 'syntaxToken',
    // names of Object.prototype members must not reach the lookup tables' prototypes
    'constructor', 'toString', '__proto__', 'hasOwnProperty', 'apiConstructor', 'key_constructor',
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
