export { FixtureRepository } from './fixture-repository.ts';
