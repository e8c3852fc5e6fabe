// Local stand-in for Cognito: an ES256 signing key kept under DATA_DIR, tokens
// whose claims mirror a Cognito ID token (groups are the roles, agency users
// carry `custom:agency`), and the verification the API Gateway JWT authorizer
// does, plus the checks the handlers and Cognito make: only ID tokens, a
// lifetime of at most 30 days, no issue time in the future. The local server
// accepts only tokens signed with this key.
import { randomUUID } from 'node:crypto';
import { chmod, link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import { ROLES, type Role } from '#functions/routes';
import { STAFF_MFA_CLAIM, STAFF_MFA_VALUE } from '#http/principal';
import { LocalStackError } from './ports';

export const TOKEN_ISSUER = 'opinion-desk-local';
export const TOKEN_AUDIENCE = 'opinion-desk-local';
export const TOKEN_ALG = 'ES256';
export const DEFAULT_AGENCY = 'transport-dept';
export const DEFAULT_EXPIRES_IN = '12h';
/** The longest lifetime (`exp - iat`) the verifier accepts, and the CLI mints: Cognito's refresh token maximum. */
export const MAX_TOKEN_LIFETIME_SECONDS = 30 * 86_400;
/** How far in the future `iat` may lie (clock skew between machines). */
export const IAT_SKEW_SECONDS = 60;
export const ACCESS_TOKEN_REASON = 'it is an access token; use the ID token, not the access token';

export const keyFilePath = (dataDir: string): string =>
  join(resolve(dataDir), 'keys', 'token-signing-key.json');

export interface IssueTokenOptions {
  role: Role;
  /** The subject (`sub`, `cognito:username`); default `local-<role>-user`. */
  user?: string;
  /** For role `agency`: its `custom:agency`; default `transport-dept`. Ignored for other roles. */
  agency?: string;
  /** Default `<user>@example.org`. */
  email?: string;
  /** A span such as '12h', '15m', '30s', '7d', or seconds; counted from the issue time. Default 12 h. */
  expiresIn?: string | number;
  /** Pretend the token was issued at this time (tests: expired tokens). */
  now?: Date;
  /** Carry the staff second-factor claim, as the prod pre-token trigger adds it after a TOTP sign-in. */
  mfa?: boolean;
  /**
   * 'access' mints what Cognito's access token looks like (tests: it must be
   * refused): `client_id` and `scope` instead of `aud`, no email, no agency.
   */
  tokenUse?: 'id' | 'access';
}

/** The verified claims, as the token carries them (arrays stay arrays). */
export type TokenClaims = JWTPayload & Record<string, unknown>;

export interface TokenVerifier {
  /** Resolves to the verified claims; rejects with InvalidTokenError. */
  verifyToken(token: string): Promise<TokenClaims>;
}

export class InvalidTokenError extends Error {
  constructor(
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`The bearer token is not valid: ${reason}.`, options);
    this.name = 'InvalidTokenError';
  }
}

const SPAN_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Seconds in '12h' / '15m' / '30s' / '7d' (or a number of seconds). */
export const spanSeconds = (span: string | number): number => {
  if (typeof span === 'number') return Math.trunc(span);
  const m = /^(-?\d+)\s*([smhd])$/.exec(span.trim());
  if (!m) throw new Error(`Not a time span: "${span}" (use e.g. 12h, 15m, 30s, 7d)`);
  return Number(m[1]) * (SPAN_UNITS[m[2]!] ?? 1);
};

export const defaultUser = (role: Role): string => `local-${role}-user`;

const reasonOf = (err: unknown): string => {
  const code = (err as { code?: unknown }).code;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'it has expired';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'it was not signed by this local stack';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return `its algorithm is not ${TOKEN_ALG}`;
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `claim check failed (${(err as Error).message})`;
    default:
      return 'it is malformed';
  }
};

interface StoredKey {
  alg: typeof TOKEN_ALG;
  kid: string;
  createdAt: string;
  privateJwk: JWK;
}

export class TokenKeys implements TokenVerifier {
  private static readonly byDataDir = new Map<string, Promise<TokenKeys>>();

  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    readonly kid: string,
  ) {}

  /** The key kept under `<dataDir>/keys/`, created (mode 0600) on first use, loaded once per process. */
  static forDataDir(dataDir: string): Promise<TokenKeys> {
    const file = keyFilePath(dataDir);
    let keys = TokenKeys.byDataDir.get(file);
    if (!keys) {
      keys = TokenKeys.loadOrCreate(file);
      TokenKeys.byDataDir.set(file, keys);
      keys.catch(() => TokenKeys.byDataDir.delete(file));
    }
    return keys;
  }

  /** A throwaway key that lives only in memory (tests: "signed by some other key"). */
  static async ephemeral(): Promise<TokenKeys> {
    const { privateKey, publicKey } = await generateKeyPair(TOKEN_ALG, { extractable: true });
    const jwk = await exportJWK(publicKey);
    return new TokenKeys(privateKey, publicKey, await calculateJwkThumbprint(jwk));
  }

  private static async loadOrCreate(file: string): Promise<TokenKeys> {
    const existing = await TokenKeys.read(file);
    if (existing) return TokenKeys.fromStored(existing, file);

    const { privateKey } = await generateKeyPair(TOKEN_ALG, { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    const stored: StoredKey = {
      alg: TOKEN_ALG,
      kid: await calculateJwkThumbprint(privateJwk),
      createdAt: new Date().toISOString(),
      privateJwk,
    };
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    // Write a private temp file, then link it into place: link fails if another
    // process created the key first, and nobody ever reads a half-written file.
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(tmp, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    try {
      await link(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const winner = await TokenKeys.read(file);
      if (winner) return TokenKeys.fromStored(winner, file);
      throw err;
    } finally {
      await unlink(tmp).catch(() => {});
    }
    return TokenKeys.fromStored(stored, file);
  }

  private static async read(file: string): Promise<StoredKey | undefined> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    // A key others can read is a key others can use: keep it private.
    const mode = (await stat(file)).mode;
    if (mode & 0o077) await chmod(file, 0o600);
    try {
      const parsed = JSON.parse(text) as Partial<StoredKey>;
      if (parsed.alg !== TOKEN_ALG || typeof parsed.kid !== 'string' || !parsed.privateJwk?.d) {
        throw new Error('unexpected content');
      }
      return parsed as StoredKey;
    } catch (err) {
      throw new LocalStackError(
        `The local token signing key ${file} is unreadable (${(err as Error).message}). ` +
          'Delete it to create a new one; tokens issued with the old key will stop working.',
        { cause: err },
      );
    }
  }

  private static async fromStored(stored: StoredKey, file: string): Promise<TokenKeys> {
    try {
      const { d: _d, ...publicJwk } = stored.privateJwk;
      const privateKey = (await importJWK(stored.privateJwk, TOKEN_ALG)) as CryptoKey;
      const publicKey = (await importJWK(publicJwk, TOKEN_ALG)) as CryptoKey;
      return new TokenKeys(privateKey, publicKey, stored.kid);
    } catch (err) {
      throw new LocalStackError(
        `The local token signing key ${file} is not a valid ${TOKEN_ALG} key. Delete it to create a new one.`,
        { cause: err },
      );
    }
  }

  /** A JWT shaped like a Cognito ID token for `role`. */
  async issueToken(options: IssueTokenOptions): Promise<string> {
    const { role } = options;
    if (!(ROLES as readonly string[]).includes(role)) throw new Error(`Unknown role "${role}"`);
    const user = options.user ?? defaultUser(role);
    const now = options.now ?? new Date();
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + spanSeconds(options.expiresIn ?? DEFAULT_EXPIRES_IN);
    if (options.tokenUse === 'access') {
      return new SignJWT({
        'cognito:groups': [role],
        username: user,
        client_id: TOKEN_AUDIENCE,
        scope: 'aws.cognito.signin.user.admin',
        token_use: 'access',
        auth_time: iat,
      })
        .setProtectedHeader({ alg: TOKEN_ALG, kid: this.kid, typ: 'JWT' })
        .setSubject(user)
        .setIssuer(TOKEN_ISSUER)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(this.privateKey);
    }
    const claims: JWTPayload & Record<string, unknown> = {
      'cognito:groups': [role],
      'cognito:username': user,
      email: options.email ?? `${user}@example.org`,
      email_verified: true,
      token_use: 'id',
      auth_time: iat,
      ...(role === 'agency' ? { 'custom:agency': options.agency ?? DEFAULT_AGENCY } : {}),
      ...(options.mfa ? { [STAFF_MFA_CLAIM]: STAFF_MFA_VALUE } : {}),
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: TOKEN_ALG, kid: this.kid, typ: 'JWT' })
      .setSubject(user)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.privateKey);
  }

  /**
   * What the API Gateway JWT authorizer checks (signature, algorithm, issuer,
   * audience, expiry), then what it cannot: an ID token only (the handlers
   * check it again on AWS), a lifetime of at most 30 days, and an `iat` no
   * more than a minute ahead. The token use is checked before the audience, so
   * that an access token (no `aud`) hears what to send instead.
   */
  async verifyToken(token: string, now: Date = new Date()): Promise<TokenClaims> {
    let payload: TokenClaims;
    try {
      ({ payload } = await jwtVerify(token, this.publicKey, {
        algorithms: [TOKEN_ALG],
        issuer: TOKEN_ISSUER,
        requiredClaims: ['sub', 'exp', 'iat'],
        currentDate: now,
      }));
    } catch (err) {
      throw new InvalidTokenError(reasonOf(err), { cause: err });
    }
    if (payload.token_use !== 'id') throw new InvalidTokenError(ACCESS_TOKEN_REASON);
    const audience = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audience.includes(TOKEN_AUDIENCE)) throw new InvalidTokenError('it was not issued for this API');
    const iat = payload.iat!;
    const exp = payload.exp!;
    if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) {
      throw new InvalidTokenError('its lifetime (exp - iat) is longer than 30 days');
    }
    if (iat > Math.floor(now.getTime() / 1000) + IAT_SKEW_SECONDS) {
      throw new InvalidTokenError('it was issued in the future (iat is more than a minute ahead)');
    }
    return payload;
  }
}
