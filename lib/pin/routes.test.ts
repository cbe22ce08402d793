import { describe, expect, it } from 'vitest';
import { matchRoute, pageFromUrl } from './routes';

describe('matchRoute', () => {
  const profile = '/jobs/:jobId/candidates/:candidateId';

  it('reads params from plain paths, ignoring repeated and trailing slashes', () => {
    expect(matchRoute(profile, '/jobs/j-1/candidates/c-2')).toEqual({ jobId: 'j-1', candidateId: 'c-2' });
    expect(matchRoute(profile, '//jobs//j-1/candidates/c-2/')).toEqual({ jobId: 'j-1', candidateId: 'c-2' });
    expect(matchRoute(profile, 'jobs/j-1/candidates/c-2')).toEqual({ jobId: 'j-1', candidateId: 'c-2' });
    expect(matchRoute(profile, '/jobs/王/candidates/c.2+x')).toEqual({ jobId: '王', candidateId: 'c.2+x' });
  });

  it('refuses other shapes, literals and empty params', () => {
    expect(matchRoute(profile, '/jobs/j-1/candidates')).toBeNull();
    expect(matchRoute(profile, '/jobs/j-1/candidates/c-2/more')).toBeNull();
    expect(matchRoute(profile, '/job/j-1/candidates/c-2')).toBeNull();
    expect(matchRoute(profile, '/jobsX/j-1/candidates/c-2')).toBeNull();
    expect(matchRoute('/jobs', '/jobs/')).toEqual({});
    expect(matchRoute('/', '/')).toEqual({});
    expect(matchRoute('/', '/jobs')).toBeNull();
    // Literal pattern text is not an expression.
    expect(matchRoute('/a.b/:id', '/aXb/1')).toBeNull();
    expect(matchRoute('/a.b/:id', '/a.b/1')).toEqual({ id: '1' });
  });

  it('decodes escaped paths, and refuses malformed escapes', () => {
    expect(matchRoute(profile, '/jobs/j%201/candidates/c%2F2')).toEqual({ jobId: 'j 1', candidateId: 'c/2' });
    expect(matchRoute(profile, '/j%6Fbs/j-1/candidates/c-2')).toEqual({ jobId: 'j-1', candidateId: 'c-2' });
    expect(matchRoute(profile, '/jobs/%E0%A4%A/candidates/c-2')).toBeNull();
  });

  it('tells Pin pages apart by URL', () => {
    expect(pageFromUrl('https://app.pin.com/jobs/j-1')).toEqual({ kind: 'pipeline', jobId: 'j-1' });
    expect(pageFromUrl('/jobs/j-1/candidates/c-2?tab=x#y')).toEqual({
      kind: 'profile',
      jobId: 'j-1',
      candidateId: 'c-2',
    });
    expect(pageFromUrl('https://elsewhere.example/jobs/j-1')).toEqual({ kind: 'other' });
  });
});
