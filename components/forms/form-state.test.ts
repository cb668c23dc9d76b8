import { describe, expect, it } from 'vitest';
import { formStateView } from './form-state';

describe('formStateView', () => {
  it('shows initial values and no errors before the first submit', () => {
    const view = formStateView(undefined);
    expect(view.value('legalName', 'Acme')).toBe('Acme');
    expect(view.value('phone', null)).toBe('');
    expect(view.errors).toEqual({});
    expect(view.formKey).toBe('initial');
  });

  it('shows what the user sent, with the field errors, after a failure', () => {
    const view = formStateView({ ok: false, error: 'Revise los campos marcados.', fieldErrors: { email: ['Correo electrónico no válido.'] }, values: { legalName: 'Lo que escribí', email: 'malo@' } });
    expect(view.value('legalName', 'Inicial')).toBe('Lo que escribí');
    expect(view.value('notes', 'Inicial')).toBe('');
    expect(view.errors.email).toEqual(['Correo electrónico no válido.']);
    expect(view.formError).toBe('Revise los campos marcados.');
    expect(view.formKey).toBe(JSON.stringify({ legalName: 'Lo que escribí', email: 'malo@' }));
  });
});
