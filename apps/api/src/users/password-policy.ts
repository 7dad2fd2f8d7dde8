// The rules for a password set through the API (a new user, a reset). Length is what
// protects against guessing (NIST SP 800-63B); composition rules are not required.
// The demo accounts' published password is refused here: it only ever reaches the
// database through the demo seed (SEED_DEMO, refused with NODE_ENV=production).
export const PASSWORD_MIN = 12;
/** The demo accounts' password, published in the README; defined here so the app never imports the seed. */
export const DEMO_PASSWORD = 'mynapoint-demo';
/** bcrypt reads only the first 72 bytes: anything longer would be silently cut. */
export const PASSWORD_MAX_BYTES = 72;

const COMMON = new Set(
  [DEMO_PASSWORD, 'password1234', 'passwordpassword', '123456789012', '1234567890123', 'qwertyuiopas', 'administrator', 'mynapoint1234', 'mynapoint-admin', 'changeme1234', 'welcome12345', 'letmein12345'].map((p) =>
    p.toLowerCase(),
  ),
);

/** The problem with a password, in Japanese, or null when it may be used. */
export function passwordProblem(password: string, username: string | undefined): string | null {
  if ([...password].length < PASSWORD_MIN) return `パスワードは${PASSWORD_MIN}文字以上にしてください。`;
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) {
    return `パスワードは${PASSWORD_MAX_BYTES}バイト以内（半角なら${PASSWORD_MAX_BYTES}文字、全角なら24文字まで）にしてください。`;
  }
  if (/^\s|\s$/.test(password)) return 'パスワードの先頭と末尾に空白は使えません。';
  const lower = password.toLowerCase();
  if (username && username.length >= 2 && lower.includes(username.toLowerCase())) return 'パスワードにユーザー名を含めないでください。';
  if (COMMON.has(lower)) return 'よく知られたパスワード（デモ用のパスワードなど）は使えません。';
  if (new Set(password).size < 5) return '同じ文字の繰り返しなど、推測されやすいパスワードは使えません（5種類以上の文字を使ってください）。';
  return null;
}
