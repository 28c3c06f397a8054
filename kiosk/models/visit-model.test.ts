import { describe, expect, it } from 'vitest';
import { createVisitModel } from './visit-model.ts';

describe('the visit keeps where each screen was scrolled to', () => {
  it('gives a screen back its position when the visitor comes back to it', () => {
    const visit = createVisitModel(() => 'zh-CN');
    visit.go({ name: 'service', id: 'passport' });
    visit.rememberScroll(1480);
    visit.go({ name: 'flow', id: 'passport' });
    expect(visit.scrollOf(visit.current.value)).toBe(0);
    visit.rememberScroll(300);
    visit.back();
    expect(visit.scrollOf(visit.current.value)).toBe(1480);
  });

  it('starts a screen opened anew at its top, even the same screen again', () => {
    const visit = createVisitModel(() => 'zh-CN');
    visit.go({ name: 'service', id: 'passport' });
    visit.rememberScroll(1480);
    visit.home();
    visit.go({ name: 'service', id: 'passport' });
    expect(visit.scrollOf(visit.current.value)).toBe(0);
  });

  it('forgets every position at the end of a visit', () => {
    const visit = createVisitModel(() => 'zh-CN');
    visit.rememberScroll(640);
    visit.go({ name: 'directory' });
    visit.reset();
    expect(visit.scrollOf(visit.current.value)).toBe(0);
  });
});
