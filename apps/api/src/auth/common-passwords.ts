/**
 * Passwords (10+ characters, lower-cased) that appear near the top of public breach
 * frequency lists. Length alone does not stop these; they are guessed first.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '1234567890', '12345678910', '123456789a', '1234567890a', '0123456789', '0987654321',
  '1111111111', '2222222222', '0000000000', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4t5',
  'qwertyuiop', 'qwertyuiop123', 'qwerty12345', 'qwerty123456', 'qwertyqwerty', 'asdfghjkl1',
  'asdfghjkl;', 'zxcvbnm123', 'password12', 'password123', 'password1234', 'password!1',
  'passw0rd123', 'p@ssw0rd123', 'p@ssword123', 'mypassword', 'mypassword1', 'passwordpassword',
  'iloveyou12', 'iloveyou123', 'iloveyou1234', 'letmein123', 'welcome123', 'welcome1234',
  'sunshine123', 'princess123', 'football123', 'baseball123', 'superman123', 'batman1234',
  'dragon1234', 'monkey1234', 'master1234', 'shadow1234', 'trustno1234', 'changeme123',
  'abc1234567', 'abcdefghij', 'abcdefg123', 'a1b2c3d4e5', 'administrator', 'admin12345',
  'admin123456', 'adminadmin', 'rootroot12', 'computer123', 'internet123', 'starwars123',
  'whatever123', 'michael123', 'jennifer123', 'jordan2323', 'charlie123', 'freedom123',
  'hello12345', 'hellohello', 'loveyou123', 'lovelove12', 'secret1234', 'secretsecret',
  'summer2024', 'summer2025', 'summer2026', 'winter2024', 'winter2025', 'winter2026',
  'spring2025', 'autumn2025', 'january2025', 'password2024', 'password2025', 'password2026',
  'qazwsxedc123', 'qazwsxedcrfv', '1qaz2wsx3edc', 'zaq12wsxcde3', '!qaz2wsx', 'football12',
  'killer1234', 'pokemon123', 'naruto1234', 'minecraft1', 'minecraft123', 'fuckyou123',
  'asdfasdfasdf', 'asdf123456', '147258369a', '1234qwer', '1234qwerasdf', '12345qwert',
  'qwert12345', 'zxcvbnm,./', 'aaaaaaaaaa', 'abcabcabc1', 'kindred123', 'kindredkindred',
  'survivor123', 'healing123', 'trauma1234', 'support123', 'therapy123', 'recovery123',
]);
