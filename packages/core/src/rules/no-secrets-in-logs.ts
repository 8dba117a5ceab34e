import type { Location } from '../findings/location.js';
import { argumentKey, argumentOf, FlowIndex, mayHoldSecret, ownerKeysOf, secretsOf, unredacted } from '../flow/flow-index.js';
import { createNameClassifier, SENSITIVE_NAMES_SCHEMA } from '../flow/sensitive-names.js';
import { redactArgOf } from '../flow/framework-logger.js';
import { inspectsValues } from '../flow/sinks.js';
import type { SecretItem, Taint } from '../flow/taint.js';
import { toTrace } from '../flow/trace.js';
import { plainName } from '../flow/function-keys.js';
import { defineRule, type RuleContext } from './rule.js';

export type MessageId = 'secretInLog';

export default defineRule<MessageId>({
  meta: {
    id: 'no-secrets-in-logs',
    description: 'Finds log calls whose arguments carry a secret: passwords, tokens, API keys, credentials, authorization headers, cookies.',
    cwe: 'CWE-532',
    severity: 'error',
    precision: 'high',
    securitySeverity: '7.5',
    messages: {
      secretInLog:
        'The secret `{{secret}}` is written to the log by `{{sink}}`, where anyone who can read logs can use it; redact it, log its length or a hash instead, or leave it out.',
    },
    schema: {
      loggers: { type: 'array', items: { type: 'string' }, description: 'Names of objects or functions that write logs, in addition to the recognised loggers.' },
      sanitizers: { type: 'array', items: { type: 'string' }, description: 'Names of functions that redact a secret before it is logged.' },
      sensitiveNames: SENSITIVE_NAMES_SCHEMA,
    },
  },
  reads: ['logs'],
  check(ctx) {
    const index = FlowIndex.of(ctx.project, createNameClassifier(ctx.config.sensitiveNames));
    const reportedWrappers = reportWrapperCalls(ctx, index);
    for (const [file, summary] of ctx.project.files) {
      if (summary.flow.logCalls.length === 0) continue;
      ctx.inFile(file, () => {
        for (const log of summary.flow.logCalls) {
          if (!index.isLogCall(file, log)) continue;
          const redact = index.redactOf(file, log);
          // A wrapper's secret-named parameter is reported once: at the calls that pass it a secret.
          const calledWithSecret = log.owner !== undefined && reportedWrappers.has(`${file}\0${log.owner}`);
          const secrets = log.args.flatMap((arg, i) => {
            const found = secretsOf(index.resolve(file, arg)).filter((s) => !(s.wholeRequest && log.serializesRequests) && !(calledWithSecret && s.param === log.owner));
            return i === redactArgOf(log.framework) ? unredacted(found, redact) : found;
          });
          reportFirst(ctx, file, log.location, log.sink, secrets);
        }
      });
    }
  },
});

/**
 * Calls of wrappers (project functions passing a parameter to a log sink) that pass a secret: the
 * call is the log call. Returns the `file\0key` of every wrapper such a call goes through.
 */
function reportWrapperCalls(ctx: RuleContext<MessageId>, index: FlowIndex): Set<string> {
  const reported = new Set<string>();
  for (const [file, summary] of ctx.project.files) {
    if (summary.flow.calls.length === 0) continue;
    ctx.inFile(file, () => {
      for (const call of summary.flow.calls) {
        const target = index.calleeTarget(file, call.callee);
        if (!target) continue;
        // One finding per call, for the first wrapper sink the call's secret reaches. Each argument
        // a sink reads is resolved once, to its secrets: reading a parameter or a call's result never
        // makes a secret of what is not one. A call passing none (most calls) skips the wrapper's
        // sinks, of which a bundle's helpers have thousands.
        const given = new Map<number, SecretItem[]>();
        for (const { param, rest } of index.wrapperParams(target.file, target.key)) {
          const arg = argumentOf(call.args, param, rest);
          const secrets = mayHoldSecret(arg) ? secretsOf(index.resolve(file, arg)) : [];
          if (secrets.length > 0) given.set(argumentKey(param, rest), secrets);
        }
        if (given.size === 0) continue;
        for (const sink of index.wrapperSinks(target.file, target.key)) {
          const secretsGiven = given.get(argumentKey(sink.param, sink.rest));
          if (!secretsGiven) continue;
          let passed: Taint = secretsGiven;
          for (const access of sink.accesses) passed = index.access(passed, access);
          const secrets = unredacted(secretsOf(passed), sink.redact).map((s) => ({ ...s, trace: [...s.trace, ...sink.trace] }));
          if (secrets.length === 0) continue;
          reportFirst(ctx, file, call.location, `${plainName(call.callee)}() → ${sink.sink}`, secrets);
          for (const owner of ownerKeysOf(sink.owners)) reported.add(owner);
          break;
        }
      }
    });
  }
  return reported;
}

function reportFirst(ctx: RuleContext<MessageId>, file: string, location: Location, sink: string, secrets: SecretItem[]): void {
  const secret = secrets.find((s) => !s.inspected || inspectsValues(sink));
  if (!secret) return;
  const sinkStep = { file, ...location, message: `logged by \`${sink}\`` };
  ctx.report({
    file,
    location,
    messageId: 'secretInLog',
    data: { secret: secret.label, sink },
    key: `${sink}\0${secret.label}`,
    trace: toTrace([...secret.trace, sinkStep], file),
  });
}
