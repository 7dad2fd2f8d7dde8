import { DEMO_PASSWORD, passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('accepts a long passphrase, in Japanese too', () => {
    expect(passwordProblem('correct horse battery', 'sato')).toBeNull();
    expect(passwordProblem('あがの市役所の窓口担当です', 'sato')).toBeNull();
  });

  it.each([
    ['short', 'abc-def-ghi', '12文字以上'],
    ['the username, any case', 'xx-SATO-1234567', 'ユーザー名'],
    ['the demo password', DEMO_PASSWORD, 'よく知られた'],
    ['a repeated character', 'zzzzzzzzzzzzzz', '推測されやすい'],
    ['over 72 bytes (bcrypt would cut it)', 'あ'.repeat(25), '72バイト'],
    ['surrounding spaces', 'passphrase-here ', '空白'],
  ])('refuses %s', (_what, password, message) => {
    expect(passwordProblem(password, 'sato')).toContain(message);
  });
});
