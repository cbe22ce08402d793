// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseMonth, readSpan } from './dates';
import { BUILTIN_PIN_MAPPING } from './mapping/builtin';

const item = (html: string) => {
  const li = document.createElement('li');
  li.innerHTML = html;
  return li;
};

describe('dates as Pin may write them', () => {
  it('parses months in the mapping’s formats, in order', () => {
    const formats = BUILTIN_PIN_MAPPING.dateFormats;
    expect(parseMonth('Apr 2021', formats)).toBe('2021-04');
    expect(parseMonth('September 2019', formats)).toBe('2019-09');
    expect(parseMonth('2014-06', formats)).toBe('2014-06');
    expect(parseMonth('3/2020', formats)).toBe('2020-03');
    expect(parseMonth('13/2020', formats)).toBeNull();
    expect(parseMonth('Foo 2020', formats)).toBeNull();
    expect(parseMonth('Apr 2021', ['YYYY-MM'])).toBeNull();
  });

  it('tells start from end by the dash, with or without <time>', () => {
    const m = BUILTIN_PIN_MAPPING;
    expect(
      readSpan(
        item(
          '<p>Engineer – Platform</p><p><time datetime="2021-04">Apr 2021</time> – <span>Present</span></p>',
        ),
        'month',
        m,
      ),
    ).toMatchObject({ start: '2021-04', end: null });
    expect(
      readSpan(
        item('<p><span>Start unknown</span> – <time datetime="2019-08">Aug 2019</time></p>'),
        'month',
        m,
      ),
    ).toMatchObject({ start: null, end: '2019-08' });
    expect(readSpan(item('<p>Apr 2021 – Present</p>'), 'month', m)).toMatchObject({
      start: '2021-04',
      end: null,
      rule: 'date text',
    });
    expect(readSpan(item('<p>Jan 2015 — Dec 2017</p>'), 'month', m)).toMatchObject({
      start: '2015-01',
      end: '2017-12',
    });
    expect(readSpan(item('<p>– <time datetime="2018">2018</time></p>'), 'year', m)).toMatchObject({
      start: null,
      end: 2018,
    });
    expect(readSpan(item('<p>No dates here</p>'), 'month', m)).toEqual({
      start: null,
      end: null,
      rule: null,
    });
  });
});
