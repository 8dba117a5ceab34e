import { describe, expect, it } from 'vitest';
import { assertKeysDeclared } from './redis-script.js';

describe('assertKeysDeclared', () => {
  it('accepts a script that touches only the keys it declares', () => {
    expect(() => assertKeysDeclared("if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end\nredis.call('DEL', KEYS[1], KEYS[3])\nredis.call('ZREM', KEYS[2], ARGV[1])")).not.toThrow();
    expect(() => assertKeysDeclared("redis.call('PEXPIRE', KEYS[n + i], tonumber(ARGV[2]))")).not.toThrow();
  });

  it.each([
    // What the token revocation script once did: a key name built from a value it had just read.
    ['a key built in Lua among several', "local hash = redis.call('GET', KEYS[1])\nredis.call('DEL', KEYS[1], ARGV[2] .. 'h:' .. hash)", /DEL on ARGV\[2\] \.\. 'h:' \.\. hash/],
    ['a key passed as an argument', "redis.call('SET', ARGV[1], 'x')", /SET on ARGV\[1\]/],
    ['a literal key in pcall', "redis.pcall('incr', 'sg:counter')", /INCR on 'sg:counter'/],
  ])('refuses %s', (_name, lua, message) => {
    expect(() => assertKeysDeclared(lua)).toThrow(message);
  });
});
