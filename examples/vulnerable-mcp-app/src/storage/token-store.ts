export interface TokenStore {
  save(subject: string, token: string): Promise<void>;
  revoke(id: string): Promise<void>;
  count(): Promise<number>;
}
