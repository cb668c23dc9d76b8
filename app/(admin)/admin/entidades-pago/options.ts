import { PAYMENT_METHOD_LABELS } from '@/lib/domain/payment-instrument';
import { ENTITY_METHODS } from '@/lib/validation/catalogs';

/** The methods an entity can serve, labelled, for the select of the entity form. */
export const ENTITY_METHOD_OPTIONS = ENTITY_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }));
