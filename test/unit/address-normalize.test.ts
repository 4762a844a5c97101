import { describe, expect, it } from 'vitest';
import { addressTokens, formatAddress, houseSearchText } from '../../src/registry/normalize.js';

describe('address normalisation', () => {
  it('drops type words and abbreviations on both sides, whatever their form', () => {
    const forms = [
      'г. Москва, ул. Профсоюзная, д. 43, корп. 1',
      'Москва Профсоюзная улица дом 43 корпус 1',
      'профсоюзная 43к1 москва',
      'г Москва ул Профсоюзная д43 к1',
    ];
    for (const f of forms) expect(addressTokens(f).sort(), f).toEqual(['43', 'к_1', 'москва', 'профсоюзная']);
  });

  it('folds ё into е and keeps ordinals and hyphenated names', () => {
    expect(addressTokens('ул. 1-я Тверская-Ямская, д. 5')).toEqual(['1я', 'тверская', 'ямская', '5']);
    expect(addressTokens('Королёва пр-кт')).toEqual(['королева']);
  });

  it('reads строение, литера and house letters', () => {
    expect(addressTokens('д. 7 стр. 2')).toEqual(['7', 'стр_2']);
    expect(addressTokens('д 7с2')).toEqual(['7', 'стр_2']);
    expect(addressTokens('д. 10 лит. А')).toEqual(['10', 'лит_а']);
    expect(addressTokens('Светланская 10 а')).toEqual(['светланская', '10а']);
    expect(addressTokens('Светланская 10А')).toEqual(['светланская', '10а']);
  });

  it('ignores postal codes and flats', () => {
    expect(addressTokens('117420, Москва, Профсоюзная 43, кв. 12')).toEqual(['москва', 'профсоюзная', '43']);
  });

  it('builds the same search text a query normalises to', () => {
    const text = houseSearchText({
      region: 'г. Москва',
      settlement: 'г. Москва',
      street: 'ул. Профсоюзная',
      houseNumber: '43',
      building: '1',
    });
    expect(text).toBe('москва профсоюзная 43 к_1');
    expect(
      formatAddress({
        region: 'Приморский край',
        settlement: 'г. Владивосток',
        street: 'ул. Светланская',
        houseNumber: '87',
        structure: '2',
      }),
    ).toBe('Приморский край, г. Владивосток, ул. Светланская, д. 87, стр. 2');
  });
});
