import { ATTRIBUTE_ENTITIES, ATTRIBUTE_ENTITY_LABELS, ATTRIBUTE_TYPE_LABELS, ATTRIBUTE_TYPES } from '@/lib/domain/dynamic-attributes';

export const ATTRIBUTE_TYPE_OPTIONS = ATTRIBUTE_TYPES.map((t) => ({ value: t, label: ATTRIBUTE_TYPE_LABELS[t] }));
export const ATTRIBUTE_ENTITY_OPTIONS = ATTRIBUTE_ENTITIES.map((e) => ({ value: e, label: ATTRIBUTE_ENTITY_LABELS[e] }));
