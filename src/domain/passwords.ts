/**
 * The password policy (等保 2.0 level 2 profile, see docs/security.md): at least 8 characters from at least 3
 * of the 4 classes (upper case, lower case, digits, symbols), not a common password, not containing the
 * username. Pure: no I/O.
 */

/** A short list of passwords that are refused whatever their composition (the commonest seen in leaks, and local favourites). */
const COMMON = new Set(
  [
    'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword1', 'qwerty123', 'qwer1234', 'abc12345', 'abcd1234',
    'admin123', 'admin@123', 'admin1234', 'root1234', 'welcome1', 'welcome123', 'iloveyou1', 'a1234567', 'aa123456', 'zxcvbnm1',
    '1qaz2wsx', '1qaz@wsx', '1q2w3e4r', '1q2w3e4r5t', 'qazwsx123', 'woaini1314', 'huawei123', 'huawei@123', 'sgcc@123', 'test1234',
    'test@123', 'changeme1', 'letmein1', 'p@55w0rd', 'pass@123', 'pass@word1', 'abc@123', 'abc@1234', 'asdf1234', 'zaq12wsx',
  ].map((s) => s.toLowerCase()),
);

/** Checks a new password; returns the problems in Chinese (empty when acceptable). */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('密码至少 8 位');
  if (password.length > 128) problems.push('密码不能超过 128 位');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  if (COMMON.has(password.toLowerCase())) problems.push('密码过于常见');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}
