import { FileTokenStore } from './file-token-store.js';
import type { TokenStore } from './token-store.js';

// No NODE_ENV check: production gets the file store too.
export const tokenStore: TokenStore = new FileTokenStore(process.env.TOKEN_FILE ?? './tokens.json');
