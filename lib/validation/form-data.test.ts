import { describe, expect, it } from 'vitest';
import { formDataToObject } from './form-data';

describe('formDataToObject', () => {
  it('keeps single values as strings', () => {
    const fd = new FormData();
    fd.set('legalName', 'Acme');
    expect(formDataToObject(fd)).toEqual({ legalName: 'Acme' });
  });

  it('turns [] keys and repeated keys into arrays', () => {
    const fd = new FormData();
    fd.append('branchIds[]', 'a');
    fd.append('tag', 'x');
    fd.append('tag', 'y');
    expect(formDataToObject(fd)).toEqual({ branchIds: ['a'], tag: ['x', 'y'] });
  });

  it('skips Next action fields and files', () => {
    const fd = new FormData();
    fd.set('$ACTION_ID_abc', '');
    fd.set('logo', new Blob(['x']), 'logo.png');
    expect(formDataToObject(fd)).toEqual({});
  });
});
