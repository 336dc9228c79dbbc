import { bucketNameProblem as ruleProblem } from '../../engine/s3/names';

/** The bucket name field's problem: S3's own rule (the engine's), or that it is empty. */
export const bucketNameProblem = (name: string): string | undefined => (name.length === 0 ? 'Enter a bucket name.' : ruleProblem(name));
