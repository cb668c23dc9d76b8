export * from './types';
export { configuredProvider, configuredProviderName, isProviderName, providerByName } from './registry';
export { buildSandboxEvent, deliverSandboxEvent, sandboxHostedPagePath, signedSandboxDelivery, SANDBOX_SIGNATURE_HEADER } from './sandbox';
export { webhookSecret } from './secret';
