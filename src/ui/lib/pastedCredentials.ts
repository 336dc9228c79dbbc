/**
 * Credentials as people have them at hand, pasted whole into the connection settings:
 * - `aws configure export-credentials` (JSON: Version, AccessKeyId, SecretAccessKey, SessionToken,
 *   Expiration), and the `Credentials` object `aws sts assume-role` or `get-session-token` print;
 * - its `--format env` / `env-no-export` / `powershell` / `windows-cmd` lines
 *   (`export AWS_ACCESS_KEY_ID=...`, `AWS_ACCESS_KEY_ID=...`, `$Env:AWS_ACCESS_KEY_ID="..."`, `set AWS_ACCESS_KEY_ID=...`);
 * - profiles from ~/.aws/credentials (or ~/.aws/config): `[name]` then `aws_access_key_id = ...`.
 * Nothing is evaluated; the text is read line by line.
 */

export interface PastedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** When temporary credentials stop working, as the source wrote it (ISO 8601). */
  expiration?: string;
  /** A region named alongside the keys (AWS_REGION, AWS_DEFAULT_REGION, or a profile's `region`). */
  region?: string;
}

export interface PastedProfile {
  name: string;
  credentials: PastedCredentials;
}

export type PasteResult =
  | { kind: 'credentials'; format: 'json' | 'env' | 'ini'; credentials: PastedCredentials; profile?: string }
  /** Several profiles with keys: the user picks one. */
  | { kind: 'profiles'; profiles: PastedProfile[] }
  | { kind: 'error'; message: string };

const EXPECTED =
  'Paste the output of `aws configure export-credentials` (JSON, or `--format env` lines such as `export AWS_ACCESS_KEY_ID=...`), or a profile from ~/.aws/credentials (`[name]` followed by `aws_access_key_id = ...` and `aws_secret_access_key = ...`).';

/** A value as a shell, PowerShell or an INI file writes it: surrounding quotes removed, a trailing comment in an unquoted value dropped. */
const unquote = (raw: string): string => {
  const v = raw.trim();
  const quoted = /^(['"])(.*)\1$/.exec(v);
  if (quoted) return quoted[2];
  return v.replace(/\s+[#;].*$/, '');
};

const lines = (text: string): string[] => text.split(/\r\n|\r|\n/).map((l) => l.trim());

/** Keys and the optional fields, or why they are not there (`missing` names the fields in the source's own words). */
const complete = (
  c: Partial<PastedCredentials>,
  names: { accessKeyId: string; secretAccessKey: string },
  where: string,
): PastedCredentials | string => {
  const missing = [
    ...(c.accessKeyId ? [] : [names.accessKeyId]),
    ...(c.secretAccessKey ? [] : [names.secretAccessKey]),
  ];
  if (missing.length > 0) return `${where} has no ${missing.join(' and no ')}.`;
  return {
    accessKeyId: c.accessKeyId!,
    secretAccessKey: c.secretAccessKey!,
    ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
    ...(c.expiration ? { expiration: c.expiration } : {}),
    ...(c.region ? { region: c.region } : {}),
  };
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

const fromJson = (text: string): PasteResult => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'error', message: `This looks like JSON but does not parse. ${EXPECTED}` };
  }
  const outer = parsed as Record<string, unknown> | null;
  // `aws sts assume-role` and `get-session-token` wrap the same fields in "Credentials".
  const o = (outer && typeof outer.Credentials === 'object' ? outer.Credentials : outer) as Record<string, unknown> | null;
  if (!o || typeof o !== 'object' || Array.isArray(o)) return { kind: 'error', message: `The JSON is not an object. ${EXPECTED}` };
  const c = complete(
    {
      accessKeyId: str(o.AccessKeyId),
      secretAccessKey: str(o.SecretAccessKey),
      sessionToken: str(o.SessionToken),
      expiration: str(o.Expiration),
    },
    { accessKeyId: 'AccessKeyId', secretAccessKey: 'SecretAccessKey' },
    'The JSON',
  );
  return typeof c === 'string' ? { kind: 'error', message: c } : { kind: 'credentials', format: 'json', credentials: c };
};

/** Upper-case names only: `aws_access_key_id = ...` is a profile's line, read below. */
const ENV_LINE = /^(?:export\s+|set\s+|\$[Ee][Nn][Vv]:)?(AWS_[A-Z_]+)\s*=\s*(.*)$/;

const ENV_FIELDS: Record<string, keyof PastedCredentials> = {
  AWS_ACCESS_KEY_ID: 'accessKeyId',
  AWS_SECRET_ACCESS_KEY: 'secretAccessKey',
  AWS_SESSION_TOKEN: 'sessionToken',
  // The older name some tools still print.
  AWS_SECURITY_TOKEN: 'sessionToken',
  AWS_CREDENTIAL_EXPIRATION: 'expiration',
  AWS_REGION: 'region',
  AWS_DEFAULT_REGION: 'region',
};

const fromEnv = (text: string): PasteResult | undefined => {
  const c: Partial<PastedCredentials> = {};
  let seen = false;
  for (const line of lines(text)) {
    const m = ENV_LINE.exec(line);
    if (!m) continue;
    seen = true;
    const field = ENV_FIELDS[m[1]];
    const value = unquote(m[2]);
    // AWS_REGION wins over AWS_DEFAULT_REGION, as in the SDKs.
    if (field && value && !(field === 'region' && c.region && m[1] === 'AWS_DEFAULT_REGION')) c[field] = value;
  }
  if (!seen) return undefined;
  const done = complete(c, { accessKeyId: 'AWS_ACCESS_KEY_ID', secretAccessKey: 'AWS_SECRET_ACCESS_KEY' }, 'The pasted text');
  return typeof done === 'string' ? { kind: 'error', message: done } : { kind: 'credentials', format: 'env', credentials: done };
};

const INI_FIELDS: Record<string, keyof PastedCredentials> = {
  aws_access_key_id: 'accessKeyId',
  aws_secret_access_key: 'secretAccessKey',
  aws_session_token: 'sessionToken',
  aws_security_token: 'sessionToken',
  region: 'region',
};

const fromIni = (text: string): PasteResult | undefined => {
  const sections: { name: string; values: Partial<PastedCredentials> }[] = [];
  let current: (typeof sections)[number] | undefined;
  let seen = false;
  for (const line of lines(text)) {
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*(?:profile\s+)?([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      current = { name: header[1], values: {} };
      sections.push(current);
      seen = true;
      continue;
    }
    const kv = /^([A-Za-z_][\w.-]*)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    const field = INI_FIELDS[kv[1].toLowerCase()];
    if (!field) continue;
    seen = true;
    // Keys without a [section] above them: one nameless profile.
    if (!current) {
      current = { name: '', values: {} };
      sections.push(current);
    }
    const value = unquote(kv[2]);
    if (value) current.values[field] = value;
  }
  if (!seen) return undefined;
  const profiles: PastedProfile[] = [];
  const problems: string[] = [];
  for (const s of sections) {
    const c = complete(
      s.values,
      { accessKeyId: 'aws_access_key_id', secretAccessKey: 'aws_secret_access_key' },
      s.name ? `Profile [${s.name}]` : 'The pasted text',
    );
    if (typeof c === 'string') problems.push(c);
    else profiles.push({ name: s.name, credentials: c });
  }
  if (profiles.length === 1)
    return { kind: 'credentials', format: 'ini', credentials: profiles[0].credentials, ...(profiles[0].name ? { profile: profiles[0].name } : {}) };
  if (profiles.length > 1) return { kind: 'profiles', profiles };
  if (sections.length === 1) return { kind: 'error', message: problems[0] };
  return {
    kind: 'error',
    message: `None of the ${sections.length} profiles (${sections.map((s) => s.name).join(', ')}) holds both aws_access_key_id and aws_secret_access_key. A profile that signs in through SSO or assumes a role keeps no keys: run \`aws configure export-credentials --profile NAME\` and paste what it prints.`,
  };
};

/** Reads pasted text as one of the forms above. */
export const parsePastedCredentials = (text: string): PasteResult => {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'error', message: EXPECTED };
  if (trimmed.startsWith('{')) return fromJson(trimmed);
  return fromEnv(trimmed) ?? fromIni(trimmed) ?? { kind: 'error', message: `This is not a form the console reads. ${EXPECTED}` };
};
