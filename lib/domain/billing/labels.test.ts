import { describe, it, expect } from 'vitest';
import * as schema from '@/db/schema/billing';
import * as labels from './labels';

describe('billing enums', () => {
  it('the schema mirrors the domain values', () => {
    expect([...schema.CONCEPT_KINDS]).toEqual([...labels.CONCEPT_KINDS]);
    expect([...schema.CONCEPT_APPLIES_TO]).toEqual([...labels.CONCEPT_APPLIES_TO]);
    expect([...schema.INVOICE_ORIGINS]).toEqual([...labels.INVOICE_ORIGINS]);
    expect([...schema.INVOICE_STATUSES]).toEqual([...labels.INVOICE_STATUSES]);
    expect([...schema.READING_SOURCES]).toEqual([...labels.READING_SOURCES]);
    expect([...schema.BILLING_RUN_MODES]).toEqual([...labels.BILLING_RUN_MODES]);
    expect([...schema.BILLING_RUN_STATUSES]).toEqual([...labels.BILLING_RUN_STATUSES]);
  });
  it('every value has a Spanish label', () => {
    const pairs: [readonly string[], Record<string, string>][] = [
      [labels.CONCEPT_KINDS, labels.CONCEPT_KIND_LABELS],
      [labels.CONCEPT_APPLIES_TO, labels.CONCEPT_APPLIES_TO_LABELS],
      [labels.INVOICE_ORIGINS, labels.INVOICE_ORIGIN_LABELS],
      [labels.INVOICE_STATUSES, labels.INVOICE_STATUS_LABELS],
      [labels.READING_SOURCES, labels.READING_SOURCE_LABELS],
      [labels.BILLING_RUN_MODES, labels.BILLING_RUN_MODE_LABELS],
      [labels.BILLING_RUN_STATUSES, labels.BILLING_RUN_STATUS_LABELS],
    ];
    for (const [values, map] of pairs) expect(Object.keys(map)).toEqual([...values]);
  });
});
