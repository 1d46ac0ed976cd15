// Password rules: at least 8 characters, not one of the passwords attackers try first, and not
// the person's own name or e-mail. The list holds the most common passwords of public breach
// corpora, including the ones typical of Chinese users (pinyin words, keyboard rows, 520/1314).

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

const COMMON = new Set(
  `123456 123456789 12345678 password qwerty123 qwerty 1234567890 1234567 111111 123123 abc123 password1
   password123 iloveyou 1q2w3e4r 000000 qwertyuiop 123321 654321 666666 888888 112233 121212 123qwe 1qaz2wsx
   a123456 a12345678 aa123456 abcd1234 abc12345 admin admin123 administrator asdfghjk asdf1234 changeme
   dragon football letmein master monkey passw0rd p@ssw0rd p@ssword princess qazwsx qazwsxedc qwer1234
   sunshine superman trustno1 welcome welcome1 whatever zxcvbnm zxcvbnm123 11111111 12341234 88888888
   00000000 66666666 99999999 11223344 147258369 159357 987654321 5201314 woaini woaini1314 woaini520
   iloveyou1 1314520 520520 5211314 a1234567 a1b2c3d4 aaaaaaaa asdasdasd asdfasdf baseball computer
   freedom hello123 hellohello internet keystone keystone1 michael mustang pa55word password! qwe123
   qwe123456 shadow starwars test1234 testtest zaq12wsx 1qazxsw2 q1w2e3r4 qweasdzxc woshishui zhang123
   wang1234 li123456 liu123456 chen123456 huawei123 xiaomi123 taobao123 baidu123 qq123456 qq5201314
   nihao123 nihaoma 7758521 7758258 147852369 123654789 789456123 741852963 1234qwer qwer1234!
   abcdefgh abcdefg1 11111111a 12345678a 123456789a a123456789 password2 password12 welcome123 secret123`
    .split(/\s+/)
    .filter(Boolean),
);

export type PasswordIssue = "tooShort" | "tooLong" | "tooCommon" | "containsIdentity";

export function checkPassword(
  password: string,
  identity: { name?: string; email?: string } = {},
): PasswordIssue[] {
  const issues: PasswordIssue[] = [];
  const length = [...password].length; // characters, not UTF-16 units (an emoji is one)
  if (length < MIN_PASSWORD_LENGTH) issues.push("tooShort");
  if (length > MAX_PASSWORD_LENGTH) issues.push("tooLong");
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/u.test(lower) || isSequence(lower)) issues.push("tooCommon");
  const local = identity.email?.split("@")[0]?.toLowerCase();
  const name = identity.name?.toLowerCase().replace(/\s+/g, "");
  if (
    (local && local.length >= 3 && lower.includes(local)) ||
    (name && name.length >= 3 && lower.includes(name))
  ) {
    issues.push("containsIdentity");
  }
  return issues;
}

/** Runs of consecutive digits or letters such as 23456789 or abcdefgh. */
function isSequence(s: string): boolean {
  if (s.length < 6) return false;
  for (const step of [1, -1]) {
    let ok = true;
    for (let i = 1; i < s.length && ok; i++) ok = s.charCodeAt(i) - s.charCodeAt(i - 1) === step;
    if (ok) return true;
  }
  return false;
}
