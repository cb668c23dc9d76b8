/**
 * Which provider starts checkouts: CAUCE_PAYMENT_PROVIDER=sandbox|stripe (default sandbox). The
 * webhook route asks for a provider by the name in its path; each provider verifies its own
 * deliveries, so a name that is not a provider (or not configured) is simply not found.
 */
import { createSandboxProvider } from './sandbox';
import { createStripeProvider } from './stripe';
import { PROVIDER_NAMES, type PaymentProvider, type ProviderName } from './types';

const cache = new Map<ProviderName, PaymentProvider>();

export function isProviderName(name: string): name is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(name);
}

export function providerByName(name: ProviderName): PaymentProvider {
  let provider = cache.get(name);
  if (!provider) {
    provider = name === 'stripe' ? createStripeProvider() : createSandboxProvider();
    cache.set(name, provider);
  }
  return provider;
}

/** The configured provider's name; an unknown value is a configuration error, said plainly. */
export function configuredProviderName(): ProviderName {
  const raw = (process.env.CAUCE_PAYMENT_PROVIDER ?? 'sandbox').trim().toLowerCase() || 'sandbox';
  if (!isProviderName(raw)) throw new Error(`CAUCE_PAYMENT_PROVIDER="${raw}" no es una pasarela conocida (use ${PROVIDER_NAMES.join(' o ')}).`);
  return raw;
}

export function configuredProvider(): PaymentProvider {
  return providerByName(configuredProviderName());
}
