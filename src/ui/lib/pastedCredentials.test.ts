import { describe, expect, it } from 'vitest';
import { parsePastedCredentials } from './pastedCredentials';

const KEY = 'ASIAEXAMPLEKEY123456';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLETOKEN+/=';

describe('parsePastedCredentials', () => {
  it('reads `aws configure export-credentials` JSON, with the session token and expiration', () => {
    const json = JSON.stringify(
      { Version: 1, AccessKeyId: KEY, SecretAccessKey: SECRET, SessionToken: TOKEN, Expiration: '2026-12-02T16:00:00+00:00' },
      null,
      2,
    );
    expect(parsePastedCredentials(json)).toEqual({
      kind: 'credentials',
      format: 'json',
      credentials: { accessKeyId: KEY, secretAccessKey: SECRET, sessionToken: TOKEN, expiration: '2026-12-02T16:00:00+00:00' },
    });
  });

  it('reads the Credentials object `aws sts assume-role` prints', () => {
    const out = JSON.stringify({ Credentials: { AccessKeyId: KEY, SecretAccessKey: SECRET, SessionToken: TOKEN }, AssumedRoleUser: {} });
    expect(parsePastedCredentials(out)).toMatchObject({ kind: 'credentials', credentials: { accessKeyId: KEY, sessionToken: TOKEN } });
  });

  it('says which field the JSON lacks, and when it does not parse', () => {
    expect(parsePastedCredentials(`{"AccessKeyId": "${KEY}"}`)).toEqual({ kind: 'error', message: 'The JSON has no SecretAccessKey.' });
    expect(parsePastedCredentials('{"AccessKeyId": ')).toMatchObject({ kind: 'error', message: expect.stringMatching(/^This looks like JSON but does not parse\./) });
  });

  it('reads `--format env` lines, with and without export, and the region', () => {
    const env = [
      `export AWS_ACCESS_KEY_ID=${KEY}`,
      `export AWS_SECRET_ACCESS_KEY=${SECRET}`,
      `export AWS_SESSION_TOKEN=${TOKEN}`,
      'export AWS_CREDENTIAL_EXPIRATION=2026-12-02T16:00:00+00:00',
    ].join('\n');
    expect(parsePastedCredentials(env)).toEqual({
      kind: 'credentials',
      format: 'env',
      credentials: { accessKeyId: KEY, secretAccessKey: SECRET, sessionToken: TOKEN, expiration: '2026-12-02T16:00:00+00:00' },
    });
    const noExport = `AWS_DEFAULT_REGION=eu-west-1\nAWS_REGION=eu-central-1\nAWS_ACCESS_KEY_ID=${KEY}\nAWS_SECRET_ACCESS_KEY=${SECRET}\n`;
    expect(parsePastedCredentials(noExport)).toEqual({
      kind: 'credentials',
      format: 'env',
      credentials: { accessKeyId: KEY, secretAccessKey: SECRET, region: 'eu-central-1' },
    });
  });

  it('removes the quotes a shell, PowerShell or cmd puts around values', () => {
    for (const text of [
      `export AWS_ACCESS_KEY_ID="${KEY}"\nexport AWS_SECRET_ACCESS_KEY='${SECRET}'`,
      `$Env:AWS_ACCESS_KEY_ID="${KEY}"\n$Env:AWS_SECRET_ACCESS_KEY="${SECRET}"`,
      `set AWS_ACCESS_KEY_ID=${KEY}\nset AWS_SECRET_ACCESS_KEY=${SECRET}`,
    ])
      expect(parsePastedCredentials(text)).toMatchObject({ kind: 'credentials', credentials: { accessKeyId: KEY, secretAccessKey: SECRET } });
  });

  it('says which variable is missing', () => {
    expect(parsePastedCredentials(`export AWS_ACCESS_KEY_ID=${KEY}`)).toEqual({
      kind: 'error',
      message: 'The pasted text has no AWS_SECRET_ACCESS_KEY.',
    });
  });

  it('reads Windows line endings', () => {
    const crlf = `export AWS_ACCESS_KEY_ID=${KEY}\r\nexport AWS_SECRET_ACCESS_KEY=${SECRET}\r\n`;
    expect(parsePastedCredentials(crlf)).toMatchObject({ credentials: { accessKeyId: KEY, secretAccessKey: SECRET } });
    const ini = `[default]\r\naws_access_key_id = ${KEY}\r\naws_secret_access_key = ${SECRET}\r\n`;
    expect(parsePastedCredentials(ini)).toEqual({ kind: 'credentials', format: 'ini', profile: 'default', credentials: { accessKeyId: KEY, secretAccessKey: SECRET } });
  });

  it('uses the one profile of an INI block, its token and region, and ignores comments', () => {
    const ini = [
      '# work account',
      '[workshop]',
      `aws_access_key_id=${KEY}`,
      `aws_secret_access_key = ${SECRET} ; rotated monthly`,
      `aws_session_token = "${TOKEN}"`,
      'region = us-west-2',
      'output = json',
    ].join('\n');
    expect(parsePastedCredentials(ini)).toEqual({
      kind: 'credentials',
      format: 'ini',
      profile: 'workshop',
      credentials: { accessKeyId: KEY, secretAccessKey: SECRET, sessionToken: TOKEN, region: 'us-west-2' },
    });
  });

  it('lists every profile with keys when there are several, for the user to choose', () => {
    const ini = `[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s1\n\n[profile sso-dev]\nsso_session = corp\n\n[lab]\naws_access_key_id = AKIALAB\naws_secret_access_key = s2\n`;
    expect(parsePastedCredentials(ini)).toEqual({
      kind: 'profiles',
      profiles: [
        { name: 'default', credentials: { accessKeyId: 'AKIADEFAULT', secretAccessKey: 's1' } },
        { name: 'lab', credentials: { accessKeyId: 'AKIALAB', secretAccessKey: 's2' } },
      ],
    });
  });

  it('explains a file whose profiles hold no keys (SSO, roles)', () => {
    const config = '[profile dev]\nsso_session = corp\nregion = eu-west-1\n[profile ops]\nrole_arn = arn:aws:iam::123456789012:role/ops\n';
    expect(parsePastedCredentials(config)).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^None of the 2 profiles \(dev, ops\) holds both aws_access_key_id and aws_secret_access_key\..*aws configure export-credentials --profile NAME/),
    });
    expect(parsePastedCredentials('[default]\nregion = us-east-1')).toEqual({
      kind: 'error',
      message: 'Profile [default] has no aws_access_key_id and no aws_secret_access_key.',
    });
  });

  it('says what it expected when the text is none of these', () => {
    for (const garbage of ['hello world', KEY, '', '<xml/>'])
      expect(parsePastedCredentials(garbage)).toMatchObject({
        kind: 'error',
        message: expect.stringContaining('Paste the output of `aws configure export-credentials`'),
      });
  });
});
