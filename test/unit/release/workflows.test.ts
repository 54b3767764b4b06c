import fs from 'node:fs';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';

// The GitHub Actions workflows are linted here, so a broken one is caught before a tag is pushed.
const ROOT = path.resolve(import.meta.dirname, '../../..');
const DIR = path.join(ROOT, '.github', 'workflows');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.yml'));
const read = (file: string) => fs.readFileSync(path.join(DIR, file), 'utf8');
type Step = { uses?: string; run?: string; name?: string; with?: Record<string, unknown> };
type Job = { 'runs-on': string; steps: Step[]; strategy?: { matrix: { include: { os: string }[] } } };
const jobsOf = (file: string) => (loadYaml(read(file)) as { jobs: Record<string, Job> }).jobs;
const bootstrapNode = /^NODE_VERSION=(\S+)$/m.exec(
  fs.readFileSync(path.join(ROOT, 'scripts/bootstrap'), 'utf8'),
)?.[1];

describe('release and CI workflows', () => {
  it('are there: ci.yml and release.yml', () => {
    expect(files.sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(files)('%s passes the GitHub Actions workflow schema', (file) => {
    expect(validateWorkflow(read(file)).errors).toEqual([]);
  });

  it('the validator does catch a broken workflow (a job without runs-on, a misspelt key)', () => {
    const broken = read('ci.yml').replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest');
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it.each(files)('%s pins every action to a major version and runs the Node that ships', (file) => {
    for (const job of Object.values(jobsOf(file))) {
      for (const step of job.steps) {
        if (step.uses) expect(step.uses, step.uses).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
        if (step.uses?.startsWith('actions/setup-node')) {
          const version = String(step.with?.['node-version']);
          expect(version === bootstrapNode || version === '${{ env.NODE_VERSION }}', version).toBe(true);
        }
      }
    }
    if (file === 'release.yml') expect(read(file)).toContain(`NODE_VERSION: ${bootstrapNode}`);
  });

  it('release builds on Windows, macOS and Linux, smoke-tests the packaged test build before the release build, and signs the feed', () => {
    const jobs = jobsOf('release.yml');
    const build = jobs.build as Job;
    expect(build.strategy?.matrix.include.map((m) => m.os).sort()).toEqual([
      'macos-latest',
      'ubuntu-latest',
      'windows-latest',
    ]);
    const names = build.steps.map((s) => s.name ?? s.uses ?? '');
    const at = (prefix: string) => names.findIndex((n) => n.startsWith(prefix));
    expect(at('Test build')).toBeGreaterThan(-1);
    expect(at('Smoke test')).toBeGreaterThan(at('Test build'));
    expect(at('Release build')).toBeGreaterThan(at('Smoke test'));
    expect(at('Release fuses')).toBeGreaterThan(at('Release build'));
    expect(build.steps.find((s) => s.name?.startsWith('Test build'))?.run).toContain(
      'enableNodeCliInspectArguments=true',
    );
    const feed = (jobs.feed as Job).steps.map((s) => s.run ?? '').join('\n');
    expect(feed).toContain('bin/balie release sign-feed');
  });

  it('ci runs .ci/run, which runs the README’s test command through the bootstrap', () => {
    expect(jobsOf('ci.yml').test?.steps.some((s) => s.run === 'bash .ci/run')).toBe(true);
    expect(fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8')).toContain('scripts/bootstrap npm test');
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('scripts/bootstrap npm test');
  });
});
