import { describe, expect, it } from 'vitest';
import { JsonRpcRejection, parseMessage } from './json-rpc-guard.js';

const rejection = (text: string) => {
  try {
    parseMessage(text);
  } catch (error) {
    if (error instanceof JsonRpcRejection) return { code: error.rpcCode, id: error.rpcId };
    throw error;
  }
  return undefined;
};

describe('parseMessage', () => {
  it('accepts a request and a notification of the allow-list', () => {
    expect(parseMessage('{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"list_rules"}}').method).toBe('tools/call');
    expect(parseMessage('{"jsonrpc":"2.0","method":"notifications/initialized"}').id).toBeUndefined();
  });

  it.each([
    ['not JSON', '{', { code: -32700, id: null }],
    ['a batch', '[{"jsonrpc":"2.0","id":1,"method":"ping"}]', { code: -32600, id: null }],
    ['a nested __proto__ key', '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"arguments":{"a":{"__proto__":{"x":1}}}}}', { code: -32600, id: null }],
    ['a constructor key', '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"constructor":{"prototype":{}}}}', { code: -32600, id: null }],
    ['a response (no method)', '{"jsonrpc":"2.0","id":3,"result":{}}', { code: -32600, id: 3 }],
    ['another JSON-RPC version', '{"jsonrpc":"1.0","id":1,"method":"ping"}', { code: -32600, id: null }],
    ['a method outside the allow-list', '{"jsonrpc":"2.0","id":"a","method":"sampling/createMessage"}', { code: -32601, id: 'a' }],
    ['params as an array', '{"jsonrpc":"2.0","id":4,"method":"tools/list","params":[1]}', { code: -32602, id: 4 }],
  ])('rejects %s', (_name, text, expected) => expect(rejection(text)).toEqual(expected));
});
