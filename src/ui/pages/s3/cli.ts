import { cliConnectionArgs } from '../../state/connection';
import { shellQuote } from '../streams/cli';

/** The AWS CLI commands equivalent to the S3 pages' actions (with --region/--endpoint-url when needed). */
const cmd = (...words: string[]) => [...words, ...cliConnectionArgs('s3').map(shellQuote)].join(' ');
const uri = (bucket: string, path = '') => shellQuote(`s3://${bucket}/${path}`);

export const s3cli = {
  createBucket: (name: string) => cmd('aws s3api create-bucket --bucket', shellQuote(name || '<bucket-name>')),
  list: (bucket: string, prefix: string) => cmd('aws s3 ls', uri(bucket, prefix)),
  download: (bucket: string, key: string) => cmd('aws s3 cp', uri(bucket, key), '.'),
};
