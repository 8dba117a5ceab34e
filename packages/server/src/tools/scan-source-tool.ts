import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { reporters } from '@shiftguard/core';
import { z } from 'zod';
import { ScanRejectedError, type ScanRunner } from './scan-runner.js';

export const SCAN_LIMITS = {
  maxFiles: 50,
  maxFileBytes: 256 * 1024,
  maxTotalBytes: 512 * 1024,
  maxPathLength: 256,
  maxRuleIds: 64,
};

/** Relative, forward-slash, no `..`, no drive or scheme: the path only names findings, but stays tame. */
const SAFE_PATH = /^(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9_.@\-/ ]+\.(?:[cm]?[jt]s|[jt]sx)$/;

const inputSchema = {
  files: z
    .array(
      z.object({
        path: z.string().max(SCAN_LIMITS.maxPathLength).regex(SAFE_PATH, 'a relative .ts/.js path without ".."').refine((p) => !p.startsWith('/'), 'a relative path'),
        content: z.string().max(SCAN_LIMITS.maxFileBytes),
      }),
    )
    .min(1)
    .max(SCAN_LIMITS.maxFiles)
    .describe('Source files to scan together (relative imports between them are followed).'),
  ruleIds: z.array(z.string().regex(/^[a-z0-9-]{1,64}$/)).max(SCAN_LIMITS.maxRuleIds).optional().describe('Run only these rules.'),
};

export function registerScanSourceTool(server: McpServer, deps: { scanner: ScanRunner; knownRuleIds: readonly string[] }): void {
  server.registerTool(
    'scan_source',
    {
      title: 'Scan source code',
      description: 'Runs the shiftguard security scanners on TypeScript/JavaScript files and returns the findings (same JSON as `shiftguard scan --format json`).',
      inputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ files, ruleIds }) => {
      const totalBytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0);
      if (totalBytes > SCAN_LIMITS.maxTotalBytes) return toolError(`The files total ${totalBytes} bytes; the limit is ${SCAN_LIMITS.maxTotalBytes}.`);
      const unknown = ruleIds?.filter((id) => !deps.knownRuleIds.includes(id)) ?? [];
      if (unknown.length > 0) return toolError(`Unknown rule ids: ${unknown.join(', ')}. Call list_rules for the ids.`);
      try {
        const result = await deps.scanner.scan({ files: files.map((f) => ({ path: f.path, text: f.content })), ruleIds });
        // The CLI's own JSON reporter: agents get byte-for-byte what `shiftguard scan --format json` prints.
        const text = reporters.json(result, {});
        return { content: [{ type: 'text', text }], structuredContent: JSON.parse(text) as Record<string, unknown> };
      } catch (error) {
        if (error instanceof ScanRejectedError) return toolError(error.message);
        throw error;
      }
    },
  );
}

function toolError(message: string) {
  return { content: [{ type: 'text' as const, text: message }], isError: true };
}
