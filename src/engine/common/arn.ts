/** The ARN partition of a region: aws-cn for China, aws-us-gov for GovCloud, aws elsewhere. */
export const partitionOf = (region: string): string =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
