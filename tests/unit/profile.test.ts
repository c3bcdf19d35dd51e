import { describe, expect, it } from 'vitest';
import { myPlanUnits, officeLabel, parseProfile, type Profile } from '../../lib/settings/profile';

describe('the officer\'s own unit: a real office plus the plan units it stands for', () => {
  it('reads a stored profile written before offices existed (one unit id)', () => {
    const old = parseProfile({ name: 'A', unitId: 'ubnd-cap-xa', level: 'xa', demo: false }) as Profile;
    expect(myPlanUnits(old)).toEqual(['ubnd-cap-xa']);
    expect(old.office).toBe('');
  });
  it('uses the chosen plan units, and names the office on exports', () => {
    const p = parseProfile({ office: 'Công an xã Quảng Phú', planUnitIds: ['cong-an-cap-xa', 'bo-phan-mot-cua'], unitId: 'cong-an-cap-xa' }) as Profile;
    expect(myPlanUnits(p)).toEqual(['cong-an-cap-xa', 'bo-phan-mot-cua']);
    expect(officeLabel(p, () => 'x')).toBe('Công an xã Quảng Phú');
    expect(officeLabel(parseProfile({ planUnitIds: ['ubnd-cap-xa'] }) as Profile, (id) => (id === 'ubnd-cap-xa' ? 'UBND cấp xã' : undefined))).toBe('UBND cấp xã');
  });
});
